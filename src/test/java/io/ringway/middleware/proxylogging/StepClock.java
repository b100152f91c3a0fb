package io.ringway.middleware.proxylogging;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A clock that answers the given instants in turn, then keeps answering the last one. */
final class StepClock extends Clock {

    private final Deque<Instant> instants;
    private Instant last;

    StepClock(Instant... instants) {
        this.instants = new ArrayDeque<>(List.of(instants));
        this.last = instants[0];
    }

    @Override
    public synchronized Instant instant() {
        if (!instants.isEmpty()) {
            last = instants.removeFirst();
        }
        return last;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
