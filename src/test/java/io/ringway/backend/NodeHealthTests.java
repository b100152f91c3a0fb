package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringway.ring.Device;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NodeHealthTests {

    private static final Device NODE = Device.of(0, 1, 1, "10.0.0.1", 6200, "sda", 100);
    private static final Device OTHER = Device.of(1, 1, 2, "10.0.0.1", 6200, "sdb", 100);

    private final StepClock clock = new StepClock();
    private final NodeHealth health = new NodeHealth(
            BackendSettings.defaults().withErrorSuppression(3, Duration.ofSeconds(60)), clock);

    @Test
    void limitsANodeOnceItHasMoreErrorsThanTheLimit() {
        health.error(NODE, "one");
        health.error(NODE, "two");
        health.error(NODE, "three");
        assertThat(health.limited(NODE)).isFalse();

        health.error(NODE, "four");

        assertThat(health.limited(NODE)).isTrue();
        assertThat(health.limited(OTHER)).isFalse();
    }

    @Test
    void limitsANodeAtOnceOn507() {
        health.limit(NODE, "ERROR Insufficient Storage");

        assertThat(health.limited(NODE)).isTrue();
    }

    @Test
    void letsALimitedNodeBackAfterTheSuppressionInterval() {
        health.limit(NODE, "ERROR Insufficient Storage");
        clock.advance(Duration.ofSeconds(60));
        assertThat(health.limited(NODE)).isTrue();

        clock.advance(Duration.ofMillis(1));

        assertThat(health.limited(NODE)).isFalse();
    }

    @Test
    void forgetsErrorsOnceTheLastIsOlderThanTheInterval() {
        health.error(NODE, "one");
        health.error(NODE, "two");
        health.error(NODE, "three");
        clock.advance(Duration.ofSeconds(61));

        health.error(NODE, "four");

        assertThat(health.limited(NODE)).isFalse();
    }

    @Test
    void countsErrorsAndTheNodesLimitedNowInItsMeters() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        NodeHealth measured = new NodeHealth(
                BackendSettings.defaults().withErrorSuppression(1, Duration.ofSeconds(60)), clock, meters);
        measured.error(NODE, "one");
        measured.error(NODE, "two");
        measured.limit(OTHER, "ERROR Insufficient Storage");

        assertThat(meters.get("ringway.backend.errors").tag("kind", "error").counter().count()).isEqualTo(2);
        assertThat(meters.get("ringway.backend.errors").tag("kind", "insufficient_storage").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("ringway.backend.nodes.error.limited").gauge().value()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));
        // read without a request having asked about either node since
        assertThat(meters.get("ringway.backend.nodes.error.limited").gauge().value()).isZero();
    }

    @Test
    void keysNodesByAddressAndDevice() {
        assertThat(NodeHealth.key(NODE)).isEqualTo("10.0.0.1:6200/sda");
    }

    /** A clock the test moves. */
    static final class StepClock extends Clock {

        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
