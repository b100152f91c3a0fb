package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.testing.http.RawHttpClient;
import java.time.Duration;

/**
 * One server a sequence runs against.
 *
 * @param label how reports name it ({@code real}, {@code ringway})
 * @param host its address
 * @param port its port
 * @param device the device its requests use (the {@code {dev}} placeholder)
 */
record ConformanceSide(String label, String host, int port, String device) {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    ConformanceSide {
        requireNonNull(label, "label");
        requireNonNull(host, "host");
        requireNonNull(device, "device");
    }

    RawHttpClient client() {
        return new RawHttpClient(host, port, TIMEOUT);
    }

    @Override
    public String toString() {
        return label + " " + host + ":" + port + " /" + device;
    }
}
