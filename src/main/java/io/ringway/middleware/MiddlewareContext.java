package io.ringway.middleware;

/**
 * What a factory may use to build its stage: shared services of the gateway (a meter
 * registry, a clock, the cluster's policies, the backend client...) looked up by type, so that
 * third-party stages need no Spring wiring of their own.
 */
@FunctionalInterface
public interface MiddlewareContext {

    /**
     * The gateway's service of this type.
     *
     * @throws IllegalStateException when the gateway has none
     */
    <T> T service(Class<T> type);
}
