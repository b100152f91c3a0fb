package io.ringway.storage.audit;

/** A {@link Pacer} whose time moves only when something sleeps: waits are counted, never timed. */
final class FakePacer implements Pacer {

    private long now = 1_000_000_000_000L;
    private long slept;
    private Runnable onSleep = () -> { };

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) {
        onSleep.run();
        now += nanos;
        slept += nanos;
    }

    /** Runs {@code action} at each sleep, before time moves on: a look at what the pass has done so far. */
    void onSleep(Runnable action) {
        onSleep = action;
    }

    long slept() {
        return slept;
    }
}
