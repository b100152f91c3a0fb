package io.ringway.federation;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A remote cluster that federated containers live in. It answers requests for a local account's
 * containers and objects in Swift's terms, whatever its own API, with its own credentials.
 */
public interface Target extends AutoCloseable {

    /** The name policies give in {@code target}. */
    String name();

    /**
     * Sends {@code request}; the answer once its headers arrived. Fails with
     * {@link TargetUnavailableException} when the target cannot answer (down, too slow, its
     * breaker open, its bulkhead full, our credentials refused).
     */
    Mono<RemoteResponse> exchange(RemoteRequest request);

    /**
     * Asks the target now whether it answers (outside the breaker and the bulkhead, within the
     * response timeout); never fails.
     */
    Mono<TargetProbe> probe();

    /** What the gateway saw of the target: breaker, requests in flight, last answer and failure. */
    TargetHealth health();

    /**
     * Why {@code account}'s {@code container} cannot live in this target (a name its API does
     * not allow), or null when it can.
     */
    default @Nullable String refusedContainer(String account, String container) {
        return null;
    }

    /**
     * Whether the target keeps a container's {@code X-Container-Meta-*}; when it does not, the
     * local record keeps them and answers show the record's.
     */
    default boolean keepsContainerMetadata() {
        return true;
    }

    /** Closes the target's connections. */
    @Override
    void close();
}
