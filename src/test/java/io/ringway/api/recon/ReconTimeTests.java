package io.ringway.api.recon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconTimeTests {

    @Test
    void writesSecondsAsPythonsFloatReprDoes() {
        assertThat(ReconTime.seconds(1_700_000_000_250L).toString()).isEqualTo("1700000000.25");
        assertThat(ReconTime.seconds(1_700_000_000_000L).toString()).isEqualTo("1700000000.0");
        assertThat(ReconTime.seconds(1_700_000_000_123L).toString()).isEqualTo("1700000000.123");
        assertThat(ReconTime.seconds(1_700_000_000_100L).toString()).isEqualTo("1700000000.1");
    }
}
