package io.ringway.api.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconTimeTests {

    @Test
    void writesSecondsAsPythonsFloatReprDoes() {
        assertThat(ReconTime.seconds(Instant.ofEpochMilli(1_700_000_000_250L)).toString()).isEqualTo("1700000000.25");
        assertThat(ReconTime.seconds(Instant.ofEpochMilli(1_700_000_000_000L)).toString()).isEqualTo("1700000000.0");
        assertThat(ReconTime.seconds(Instant.ofEpochMilli(1_700_000_000_123L)).toString()).isEqualTo("1700000000.123");
        assertThat(ReconTime.seconds(Instant.ofEpochMilli(1_700_000_000_100L)).toString()).isEqualTo("1700000000.1");
    }

    @Test
    void keepsMicrosecondsAsTimeTimeDoes() {
        // swift-recon's time check compares with its own time.time() before and after the request
        assertThat(ReconTime.seconds(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)).toString())
                .isEqualTo("1700000000.123456");
        assertThat(ReconTime.seconds(Instant.ofEpochSecond(1_700_000_000L, 5_000)).toString())
                .isEqualTo("1700000000.000005");
    }
}
