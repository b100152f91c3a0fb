package io.ringway.swift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpDateTests {

    @Test
    void writesSwiftsDatesWithATwoDigitDay() {
        // Python: email.utils.formatdate(t, usegmt=True)
        assertThat(HttpDate.format(784111777)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDate.format(1_795_322_275)).isEqualTo("Sun, 22 Nov 2026 04:37:55 GMT");
    }
}
