package io.ringway.middleware;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The state that stages share about one request, kept under a single exchange attribute
 * rather than in scattered string keys (Swift keeps it in the WSGI environ).
 */
public final class RequestContext {

    private static final String ATTRIBUTE = RequestContext.class.getName();

    private @Nullable String transactionId;
    private @Nullable String policy;

    /** The context of an exchange, created on first use. */
    public static RequestContext of(ServerWebExchange exchange) {
        return (RequestContext) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> new RequestContext());
    }

    /** Swift's transaction id ({@code X-Trans-Id}), set by {@code catch_errors}. */
    public @Nullable String transactionId() {
        return transactionId;
    }

    public void transactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    /** The storage policy name the request went to, once known (a metrics tag). */
    public @Nullable String policy() {
        return policy;
    }

    public void policy(String policy) {
        this.policy = policy;
    }
}
