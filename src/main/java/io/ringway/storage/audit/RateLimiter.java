package io.ringway.storage.audit;

import static java.util.Objects.requireNonNull;

/**
 * Swift's {@code EventletRateLimiter} for one auditor thread: the n-th unit (file, byte) may go
 * at n / rate seconds after the first, so the average rate never exceeds {@code perSecond}.
 * Time not used while idle is banked for at most {@code buffer} (Swift's {@code rate_buffer},
 * 5 s of units), so a pass does not burst after a slow stretch. A rate of 0 or less does not
 * limit.
 */
final class RateLimiter {

    private static final long BUFFER_NANOS = 5_000_000_000L;

    private final double nanosPerUnit;
    private final Pacer pacer;
    private long next = Long.MIN_VALUE;

    RateLimiter(double perSecond, Pacer pacer) {
        this.nanosPerUnit = perSecond > 0 ? 1e9 / perSecond : 0;
        this.pacer = requireNonNull(pacer, "pacer");
    }

    /** Waits until {@code units} more may go. */
    void acquire(long units) throws InterruptedException {
        if (nanosPerUnit == 0 || units <= 0) {
            return;
        }
        long now = pacer.nanoTime();
        if (next == Long.MIN_VALUE || next < now - BUFFER_NANOS) {
            next = now;
        }
        long wait = next - now;
        next += Math.round(nanosPerUnit * units);
        if (wait > 0) {
            pacer.sleep(wait);
        }
    }
}
