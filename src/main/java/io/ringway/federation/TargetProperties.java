package io.ringway.federation;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One remote cluster ({@code ringway.federation.targets.<name>}), named by the {@code target} of
 * federated storage policies.
 *
 * <p>A Swift target authenticates with v1 auth ({@code authUrl}, {@code user}, {@code key}; the
 * token is fetched again before it expires) or uses a fixed {@code storageUrl} and {@code token}.
 * An S3 target signs every request (signature V4) with {@code accessKey} and {@code secretKey}
 * for {@code region}, and keeps each container in a bucket of its own, named by {@code bucket}.
 *
 * @param type the API the target speaks
 * @param authUrl Swift: the v1 auth endpoint, such as {@code http://host:8080/auth/v1.0}
 * @param user Swift: {@code X-Auth-User} for {@code authUrl}
 * @param key Swift: {@code X-Auth-Key} for {@code authUrl}
 * @param storageUrl Swift: the storage URL ({@code http://host:8080/v1/AUTH_x}); with {@code token}
 *     instead of auth, or to replace the one auth gives (a target behind another address)
 * @param token Swift: a fixed token, with {@code storageUrl}
 * @param account Swift: the remote account of a local account, a template where {@code {account}}
 *     is the local account's name (e.g. {@code {account}} to keep the name, which needs a
 *     reseller-admin user); unset: the storage URL's account for every local account
 * @param containerPrefix put before a local container's name to make the remote one; may hold
 *     {@code {account}} to keep the containers of several local accounts apart
 * @param endpoint S3: the endpoint, such as {@code https://s3.eu-west-1.amazonaws.com}
 * @param region S3: the region requests are signed for
 * @param accessKey S3: the access key id
 * @param secretKey S3: the secret access key
 * @param urlStyle S3: a bucket in the path ({@code path}) or in the host name ({@code virtual-host})
 * @param bucket S3: the bucket of a local container, a template where {@code {container}} is the
 *     container's name and {@code {account}} the account's, in lower case with {@code _} as
 *     {@code -} (bucket names allow neither); the names it makes must follow S3's bucket naming
 *     rules
 * @param limits timeouts, pool and resilience settings; unset ones from the defaults
 * @param tls how https endpoints are trusted
 */
public record TargetProperties(
        @DefaultValue("swift") TargetType type,
        @Nullable URI authUrl,
        @Nullable String user,
        @Nullable String key,
        @Nullable URI storageUrl,
        @Nullable String token,
        @Nullable String account,
        @DefaultValue("") String containerPrefix,
        @Nullable URI endpoint,
        @DefaultValue("us-east-1") String region,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("path") UrlStyle urlStyle,
        @DefaultValue("{account}-{container}") String bucket,
        @Nullable TargetLimits limits,
        @DefaultValue Tls tls) {

    /** Where an S3 request names its bucket. */
    public enum UrlStyle {
        /** {@code https://endpoint/bucket/key}: any endpoint, any bucket name. */
        PATH,
        /** {@code https://bucket.endpoint/key}: AWS's own style; needs DNS for every bucket. */
        VIRTUAL_HOST
    }

    /**
     * Trust for https endpoints.
     *
     * @param verify whether the target's certificate and host name are checked (on by default; off
     *     only for tests)
     * @param trustStore a trust store with the certificates to trust instead of the JVM's
     * @param trustStorePassword its password
     * @param trustStoreType its type ({@code PKCS12}, {@code JKS})
     */
    public record Tls(
            @DefaultValue("true") boolean verify,
            @Nullable Path trustStore,
            @Nullable String trustStorePassword,
            @DefaultValue("PKCS12") String trustStoreType) {
    }
}
