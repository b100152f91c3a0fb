package io.ringway.federation.s3;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.TargetHttp;
import io.ringway.federation.TargetProperties;
import io.ringway.federation.wire.Origin;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signed S3 requests to one endpoint, the bucket in the path or in the host name. Every header
 * the gateway sets is signed with the host, the date and the payload hash; a body goes unsigned
 * ({@code UNSIGNED-PAYLOAD}) so that it streams.
 */
final class S3Client {

    /** An S3 answer read whole: error documents and listing pages, never object bodies. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** The most of an answer read whole: a ListObjectsV2 page of 1000 long keys, escaped, fits. */
    private static final int MAX_READ = 16 * 1024 * 1024;

    private final TargetHttp http;
    private final SigV4 signer;
    private final Origin endpoint;
    private final String basePath;
    private final boolean virtualHost;
    private final Clock clock;

    S3Client(TargetHttp http, TargetProperties properties, Clock clock) {
        this.http = requireNonNull(http, "http");
        URI url = requireNonNull(properties.endpoint(), "endpoint");
        this.endpoint = Origin.of(url);
        String base = url.getRawPath() == null ? "" : url.getRawPath();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.basePath = base;
        this.signer = new SigV4(requireNonNull(properties.accessKey(), "accessKey"),
                requireNonNull(properties.secretKey(), "secretKey"), properties.region(), "s3");
        this.virtualHost = properties.urlStyle() == TargetProperties.UrlStyle.VIRTUAL_HOST;
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Sends a signed request; the answer once its headers arrived, its body on the connection.
     *
     * @param bucket the bucket, or null for the service (ListBuckets)
     * @param key the object, or null for the bucket
     * @param query the query's parameters, not encoded
     * @param headers the headers to send (and sign), besides host, date, payload hash and length
     * @param body the body, or null; with {@code length} bytes
     */
    Mono<RemoteResponse> send(String method, @Nullable String bucket, @Nullable String key, Map<String, String> query,
            Map<String, String> headers, @Nullable Flux<ByteBuf> body, long length, String what) {
        return Mono.defer(() -> {
            Location location = locate(bucket, key);
            Map<String, String> signed = new LinkedHashMap<>(headers);
            signed.put("host", location.host());
            signed.putAll(signer.sign(method, location.path(), query, signed,
                    body != null ? SigV4.UNSIGNED_PAYLOAD : SigV4.EMPTY_PAYLOAD, clock.instant()));
            String canonicalQuery = SigV4.canonicalQuery(query);
            String target = canonicalQuery.isEmpty() ? location.path() : location.path() + "?" + canonicalQuery;
            return http.send(method, location.origin(), target, out -> {
                signed.forEach(out::set);
                if (body != null) {
                    out.set(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
                }
            }, body, what);
        });
    }

    /** {@link #send} without a body, the answer read whole (up to 16 MiB). */
    Mono<Answer> fetch(String method, @Nullable String bucket, @Nullable String key, Map<String, String> query,
            Map<String, String> headers, String what) {
        return send(method, bucket, key, query, headers, null, 0, what).flatMap(S3Client::read);
    }

    /** The whole body of {@code response} (up to 16 MiB). */
    static Mono<Answer> read(RemoteResponse response) {
        return DataBufferUtils.join(response.body(), MAX_READ)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> new Answer(response.status(), response.headers(), bytes));
    }

    /** Where a request goes: the origin (with the {@code Host} header) and the encoded path. */
    record Location(Origin origin, String path) {

        String host() {
            return origin.hostHeader();
        }
    }

    Location locate(@Nullable String bucket, @Nullable String key) {
        Origin origin = endpoint;
        StringBuilder path = new StringBuilder(basePath);
        if (bucket != null && virtualHost) {
            origin = Origin.of(endpoint.https(), bucket + "." + endpoint.host(), endpoint.port());
        } else if (bucket != null) {
            path.append('/').append(bucket);
        }
        if (key != null) {
            path.append('/').append(SigV4.encode(key, false));
        }
        if (path.isEmpty()) {
            path.append('/');
        }
        return new Location(origin, path.toString());
    }
}
