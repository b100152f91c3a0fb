package io.ringway.middleware.proxylogging;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What one request has done so far, as the body decorators see it: bytes read from the client
 * (Swift's {@code InputProxy}), bytes handed to the server, the first response byte, and whether
 * reading the request failed (which Swift logs as a client disconnect, 499).
 */
final class AccessTally {

    private final Clock clock;
    private final Instant start;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<@Nullable Instant> firstByte = new AtomicReference<>();
    private volatile boolean clientDisconnect;
    private volatile boolean responseStarted;
    private volatile @Nullable String responsePolicyIndex;

    AccessTally(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    Instant start() {
        return start;
    }

    void received(int bytes) {
        received.addAndGet(bytes);
    }

    long received() {
        return received.get();
    }

    void sent(int bytes) {
        firstByte();
        sent.addAndGet(bytes);
    }

    long sent() {
        return sent.get();
    }

    /** Marks the first response byte (or the end of an empty body); later calls change nothing. */
    void firstByte() {
        if (firstByte.get() == null) {
            firstByte.compareAndSet(null, clock.instant());
        }
    }

    @Nullable Instant firstByteTime() {
        return firstByte.get();
    }

    void clientDisconnected() {
        clientDisconnect = true;
    }

    boolean clientDisconnect() {
        return clientDisconnect;
    }

    /**
     * The response went out with this backend policy index header (read before the headers are
     * committed, because {@code gatekeeper} strips {@code X-Backend-*} from what clients see).
     */
    void responseStarted(@Nullable String policyIndex) {
        responseStarted = true;
        if (policyIndex != null) {
            responsePolicyIndex = policyIndex;
        }
    }

    boolean responseStarted() {
        return responseStarted;
    }

    @Nullable String responsePolicyIndex() {
        return responsePolicyIndex;
    }
}
