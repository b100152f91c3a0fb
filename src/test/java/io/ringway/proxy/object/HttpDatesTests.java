package io.ringway.proxy.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.Timestamp;
import org.junit.jupiter.api.Test;

class HttpDatesTests {

    @Test
    void lastModifiedRoundsTheTimestampUpToTheSecondWithATwoDigitDay() {
        assertThat(HttpDates.lastModified(Timestamp.parse("1700006400.00001"))).isEqualTo("Wed, 15 Nov 2023 00:00:01 GMT");
        assertThat(HttpDates.lastModified(Timestamp.parse("1698796800.00000"))).isEqualTo("Wed, 01 Nov 2023 00:00:00 GMT");
    }
}
