package io.ringway.federation;

/** A target could not answer a request: the gateway answers 503, as Swift does when no node can. */
public final class TargetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message) {
        super(message);
    }

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
