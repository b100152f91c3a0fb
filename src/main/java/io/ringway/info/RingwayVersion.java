package io.ringway.info;

import io.ringway.RingwayApplication;
import java.util.Map;

/**
 * The versions Ringway reports: its own (the jar manifest's {@code Implementation-Version}, or
 * {@code unknown} when run from classes), and the Swift release whose API and backend protocol it
 * speaks.
 */
public final class RingwayVersion {

    /** The Swift release Ringway speaks as, reported where Swift reports its own version. */
    public static final String SWIFT_RELEASE = "2.30.1";

    private RingwayVersion() {
    }

    public static String current() {
        String version = RingwayApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }

    /**
     * {@code /recon/version}: Swift's {@code version} key (the one swift-recon compares across
     * hosts) with the Swift release, and Ringway's own version as {@code ringway}.
     */
    public static Map<String, String> recon() {
        return Map.of("version", SWIFT_RELEASE, "ringway", current());
    }
}
