package io.ringway.storage.object;

/** The device is missing or full: Swift's {@code HTTPInsufficientStorage(drive=device)}. */
final class InsufficientStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InsufficientStorageException(String device) {
        super(device, null, false, false);
    }

    String device() {
        return getMessage() == null ? "" : getMessage();
    }
}
