package io.ringway.cluster;

/** The two proxies in front of the same cluster: Ringway and Swift's own swift-proxy-server. */
enum Side {
    RINGWAY,
    SWIFT;

    /** The other proxy: the one that reads back what this one wrote. */
    Side other() {
        return this == RINGWAY ? SWIFT : RINGWAY;
    }
}
