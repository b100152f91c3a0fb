package io.ringway.storage.node;

/** A backend path Swift would refuse with 400 and this message as the body. */
public final class InvalidBackendPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidBackendPathException(String message) {
        super(message);
    }
}
