package io.ringway.middleware.tempauth;

import io.ringway.middleware.DelayedDenial;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.middleware.acl.AclSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's {@code tempauth}: a simple auth system with its users in configuration, for
 * development, tests and small deployments. Place it after {@code cache} (it reads ACLs from the
 * account and container info) and before stages that act for a user ({@code copy}, the API).
 *
 * <p><b>Tokens.</b> {@code GET /auth/v1.0} with {@code X-Auth-User: <account>:<user>} and
 * {@code X-Auth-Key: <key>} (or {@code X-Storage-User}/{@code X-Storage-Pass}; also
 * {@code /auth/auth} and {@code /auth/v1/<account>/auth}) answers 200 with {@code X-Auth-Token},
 * {@code X-Storage-Token}, {@code X-Auth-Token-Expires} (seconds) and {@code X-Storage-Url}
 * ({@code <scheme>://<Host>/v1/AUTH_<account>}); bad credentials get 401. Tokens
 * ({@code AUTH_tk...}) are signed with HMAC-SHA256 and carry their groups and expiry, so every
 * replica sharing {@code token-secret} validates them without memcache. Without a configured
 * secret a random one is made at start: tokens then do not survive a restart and are not
 * accepted by other replicas.
 *
 * <p><b>Authorization</b> of {@code /v1/<account>/...}, Swift's rules: a user with
 * {@code .admin} owns its account, {@code .reseller_admin} owns every account, others get what
 * container ACLs ({@code X-Container-Read}/{@code -Write}: users, {@code account:user},
 * {@code .r:<referrer>}, {@code .rlistings}) and account ACLs ({@code X-Account-Access-Control}
 * JSON: {@code admin}, {@code read-write}, {@code read-only}) grant. Anonymous refusals are 401,
 * authenticated ones 403. For accounts of a prefix with a required group (default:
 * {@code SERVICE_} requires {@code service}), the owner must also send an
 * {@code X-Service-Token} of a user in that group. ACLs come from the gateway's
 * {@link AclSource} service; without one, ACLs grant nothing. Requests with neither a token nor
 * an account of this stage's prefixes are refused (401), unless an earlier auth stage set an
 * identity; then they pass through untouched.
 *
 * <p><b>Config</b> ({@code ringway.middleware.tempauth}): see {@link TempAuthConfig}.
 * <b>Info</b>: {@code "tempauth": {"account_acls": true}}.
 */
public final class TempAuthFactory implements MiddlewareFactory<TempAuthConfig> {

    private static final Logger log = LoggerFactory.getLogger(TempAuthFactory.class);

    /** Found by name in the pipeline, and through {@link java.util.ServiceLoader}. */
    public TempAuthFactory() {
    }

    @Override
    public String name() {
        return "tempauth";
    }

    @Override
    public Class<TempAuthConfig> configType() {
        return TempAuthConfig.class;
    }

    @Override
    public Middleware create(TempAuthConfig config, MiddlewareContext context) {
        Realm realm = new Realm(config);
        TokenSigner signer = new TokenSigner(secret(config), realm.tokenPrefix(), config.tokenLife().toSeconds(),
                optional(context, Clock.class, Clock.systemUTC()));
        Authorizer authorizer = new Authorizer(realm, optional(context, AclSource.class, AclSource.NONE));
        return new TempAuthMiddleware(realm, signer,
                new RequestAuthorizer(authorizer, optional(context, DelayedDenial.class, DelayedDenial.NONE)), config);
    }

    @Override
    public Map<String, Object> info(TempAuthConfig config) {
        return Map.of("account_acls", true);
    }

    private static byte[] secret(TempAuthConfig config) {
        String configured = config.tokenSecret();
        if (configured != null && !configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        log.warn("ringway.middleware.tempauth.token-secret is not set: using a random one, so tokens will not "
                + "survive a restart nor be accepted by other replicas");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static <T> T optional(MiddlewareContext context, Class<T> type, T fallback) {
        try {
            return context.service(type);
        } catch (IllegalStateException e) {
            return fallback;
        }
    }
}
