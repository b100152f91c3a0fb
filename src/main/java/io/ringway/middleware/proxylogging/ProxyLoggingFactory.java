package io.ringway.middleware.proxylogging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's {@code proxy_logging}: one access log line per request, and the request meters.
 *
 * <p><b>Where.</b> Right after {@code catch_errors}/{@code gatekeeper} (so that it sees the
 * transaction id and every client request), and optionally a second time at the end of the
 * pipeline, as in Swift: the second one logs the subrequests that stages make themselves
 * (marked by their {@code swift.source}, {@link io.ringway.middleware.RequestContext#swiftSource()}),
 * while a request already taken by the first is not logged twice.
 *
 * <p><b>Log line</b>, on the logger {@code ringway.access} at INFO (route it to its own file),
 * written when the response body is finished, the client disconnects (status 499) or the
 * pipeline fails (500). Swift's default format: {@code client_ip remote_addr end_time.datetime
 * method path protocol status_int referer user_agent auth_token bytes_recvd bytes_sent
 * client_etag transaction_id headers request_time source log_info start_time end_time
 * policy_index}; space-separated, each field URL-quoted, {@code -} when missing or zero; tokens
 * cut to {@code reveal_sensitive_prefix} characters and {@code ...}. Body bytes are counted as they
 * stream.
 *
 * <p><b>Config</b> ({@code ringway.middleware.proxy_logging}): see {@link ProxyLoggingConfig}.
 *
 * <p><b>Metrics</b> (Micrometer, from the gateway's {@link MeterRegistry}): {@code ringway.requests}
 * timer tagged {@code method} (GET, HEAD, PUT, POST, DELETE, COPY, OPTIONS or OTHER),
 * {@code status} ({@code 2xx}...{@code 5xx}), {@code outcome} ({@code success},
 * {@code client_error}, {@code client_cancelled}, {@code local_error}) and {@code policy} (the
 * storage policy name, or {@code none}); {@code ringway.request.bytes} and
 * {@code ringway.response.bytes} summaries and the {@code ringway.response.first.byte} timer,
 * tagged {@code method} and {@code policy}.
 */
public final class ProxyLoggingFactory implements MiddlewareFactory<ProxyLoggingConfig> {

    private static final Logger log = LoggerFactory.getLogger(ProxyLoggingFactory.class);

    /** Found by name in the pipeline, and through {@link java.util.ServiceLoader}. */
    public ProxyLoggingFactory() {
    }

    @Override
    public String name() {
        return "proxy_logging";
    }

    @Override
    public Class<ProxyLoggingConfig> configType() {
        return ProxyLoggingConfig.class;
    }

    @Override
    public Middleware create(ProxyLoggingConfig config, MiddlewareContext context) {
        MeterRegistry registry = optional(context, MeterRegistry.class, null);
        if (registry == null) {
            log.warn("proxy_logging: the gateway has no MeterRegistry; request metrics are not recorded");
            registry = new CompositeMeterRegistry();
        }
        Clock clock = optional(context, Clock.class, Clock.systemUTC());
        StoragePolicies policies = optional(context, StoragePolicies.class, null);
        PolicyNames names = policies == null ? index -> null
                : index -> policies.byIndex(index).map(StoragePolicy::name).orElse(null);
        return new ProxyLoggingMiddleware(config, new RequestMetrics(registry), clock, names);
    }

    private static <T> @Nullable T optional(MiddlewareContext context, Class<T> type,
            @Nullable T fallback) {
        try {
            return context.service(type);
        } catch (IllegalStateException e) {
            return fallback;
        }
    }
}
