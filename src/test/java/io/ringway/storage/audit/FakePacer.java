package io.ringway.storage.audit;

/** A {@link Pacer} whose time moves only when something sleeps: waits are counted, never timed. */
final class FakePacer implements Pacer {

    private long now = 1_000_000_000_000L;
    private long slept;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) {
        now += nanos;
        slept += nanos;
    }

    long slept() {
        return slept;
    }
}
