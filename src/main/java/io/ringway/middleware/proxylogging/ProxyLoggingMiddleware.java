package io.ringway.middleware.proxylogging;

import io.netty.channel.Channel;
import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareChain;
import io.ringway.middleware.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

/**
 * Logs each request once its response body is finished, the client went away (499) or the
 * pipeline failed, as Swift's {@code proxy_logging}; records the request meters at the same
 * moment, so that cancellations count.
 */
final class ProxyLoggingMiddleware implements Middleware {

    static final String LOGGER = "ringway.access";

    private static final Logger access = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(ProxyLoggingMiddleware.class);

    private final LogTemplate template;
    private final AccessLogValues values;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final PolicyNames policyNames;

    ProxyLoggingMiddleware(ProxyLoggingConfig config, RequestMetrics metrics, Clock clock, PolicyNames policyNames) {
        this.policyNames = policyNames;
        this.template = LogTemplate.parse(config.logMsgTemplate(),
                new Anonymizer(config.logAnonymizationMethod(), config.logAnonymizationSalt()));
        this.values = new AccessLogValues(config);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, MiddlewareChain next) {
        return Mono.defer(() -> {
            RequestContext context = RequestContext.of(exchange);
            // Swift's swift.proxy_access_log_made: an outer proxy_logging already logs this request.
            if (context.accessLogMade()) {
                return next.next(exchange);
            }
            context.accessLogMade(true);
            AccessTally tally = new AccessTally(clock);
            boolean countBody = !HttpMethod.HEAD.equals(exchange.getRequest().getMethod());
            ServerWebExchange counted = exchange.mutate()
                    .request(new CountingRequest(exchange.getRequest(), tally))
                    .response(new CountingResponse(exchange.getResponse(), tally, countBody))
                    .build();
            Outcome outcome = new Outcome(channel(exchange));
            return next.next(counted)
                    .doOnError(outcome::failed)
                    .doFinally(signal -> finish(exchange, tally, outcome.status(signal, exchange, tally)));
        });
    }

    private void finish(ServerWebExchange exchange, AccessTally tally, int status) {
        try {
            Instant end = clock.instant();
            int wireStatus = wireStatus(exchange);
            RequestContext context = RequestContext.of(exchange);
            if (access.isInfoEnabled()) {
                access.info(template.render(values.of(exchange.getRequest(), context, tally, status, wireStatus, end)));
            }
            String policy = policy(exchange, context, tally);
            Instant firstByte = tally.firstByteTime();
            metrics.record(new RequestMetrics.Sample(AccessLogValues.methodTag(exchange.getRequest().getMethod().name()),
                    policy == null ? "none" : policy, status, outcome(status), Duration.between(tally.start(), end),
                    tally.received(), tally.sent(), firstByte == null ? null : Duration.between(tally.start(), firstByte)));
        } catch (RuntimeException e) {
            // Logging must never break the response; say why the line is missing.
            log.warn("access log line for {} {} failed", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), e);
        }
    }

    /**
     * The policy tag: the one the request was routed by (federated policies), else the name of the
     * policy index the backend answered with or the request named, as Swift's proxy_logging takes
     * its per-policy metrics; {@code none} for accounts and for what reached no policy.
     */
    private String policy(ServerWebExchange exchange, RequestContext context, AccessTally tally) {
        String routed = context.policy();
        if (routed != null) {
            return routed;
        }
        String index = tally.responsePolicyIndex();
        if (index == null) {
            index = exchange.getRequest().getHeaders().getFirst(CountingResponse.POLICY_INDEX);
        }
        if (index == null) {
            return "none";
        }
        try {
            String name = policyNames.of(Integer.parseInt(index.strip()));
            return name == null ? "none" : name;
        } catch (NumberFormatException e) {
            return "none";
        }
    }

    private static int wireStatus(ServerWebExchange exchange) {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        return code == null ? 200 : code.value();
    }

    /**
     * The client's connection, taken while the request is live: once the response is finished,
     * Reactor Netty's per-request {@link Connection} shows a disposed stand-in.
     */
    private static @Nullable Channel channel(ServerWebExchange exchange) {
        try {
            Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
            return nativeResponse instanceof Connection connection ? connection.channel() : null;
        } catch (RuntimeException e) {
            // no native response (a test double): the connection cannot be asked
            return null;
        }
    }

    private static String outcome(int status) {
        if (status == 499) {
            return "client_cancelled";
        }
        if (status >= 500) {
            return "local_error";
        }
        return status >= 400 ? "client_error" : "success";
    }

    /** The status Swift would log, from how the pipeline ended. */
    private static final class Outcome {

        private final @Nullable Channel channel;
        private volatile @Nullable Throwable error;

        Outcome(@Nullable Channel channel) {
            this.channel = channel;
        }

        void failed(Throwable error) {
            this.error = error;
        }

        int status(SignalType signal, ServerWebExchange exchange, AccessTally tally) {
            Throwable failure = error;
            if (signal == SignalType.CANCEL || tally.clientDisconnect()) {
                return 499;
            }
            if (signal != SignalType.ON_ERROR || failure == null) {
                return connectionClosed() ? 499 : wireStatus(exchange);
            }
            if (failure instanceof AbortedException || AbortedException.isConnectionReset(failure)) {
                return 499;
            }
            // Before the response started, the exception handler renders the error's own status.
            if (!tally.responseStarted() && failure instanceof GatewayException swiftError) {
                return swiftError.status();
            }
            if (!tally.responseStarted() && failure instanceof ErrorResponse response) {
                return response.getStatusCode().value();
            }
            return 500;
        }

        /*
         * Reactor Netty completes, rather than fails, a response whose client hung up mid-body.
         * This runs on the event loop right after the last write, before it could read a normal
         * close, so a response that was sent whole is not mistaken for a disconnect.
         */
        private boolean connectionClosed() {
            return channel != null && !channel.isActive();
        }
    }
}
