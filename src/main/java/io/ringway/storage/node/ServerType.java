package io.ringway.storage.node;

/** Swift's three backend server types, with their default ports and on-disk directory names. */
public enum ServerType {
    ACCOUNT(6202, "accounts"),
    CONTAINER(6201, "containers"),
    OBJECT(6200, "objects");

    private final int defaultPort;
    private final String dataDirectory;

    ServerType(int defaultPort, String dataDirectory) {
        this.defaultPort = defaultPort;
        this.dataDirectory = dataDirectory;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The directory under each device that holds this server's data, as Swift names it. */
    public String dataDirectory() {
        return dataDirectory;
    }

    /** The lower-case name Swift uses (ring names, recon keys, log names). */
    public String swiftName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
