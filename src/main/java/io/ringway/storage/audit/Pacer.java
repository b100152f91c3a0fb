package io.ringway.storage.audit;

import java.util.concurrent.locks.LockSupport;

/** The time a {@link RateLimiter} reads and waits on: the system's, or a test's. */
interface Pacer {

    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            long until = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("audit pass stopped");
                }
            }
        }
    };

    long nanoTime();

    /** Waits {@code nanos}; interrupted when the node shuts down. */
    void sleep(long nanos) throws InterruptedException;
}
