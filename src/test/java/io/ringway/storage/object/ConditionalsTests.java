package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** swob's conditional statuses for GET and HEAD. */
class ConditionalsTests {

    private static final String ETAG = "5d41402abc4b2a76b9719d911017c592";
    private static final long LAST_MODIFIED = 1_795_305_601L; // Sun, 22 Nov 2026 00:00:01 GMT

    @Test
    void ifNoneMatchWinsOverIfMatch() {
        assertThat(status("If-None-Match", "\"" + ETAG + "\"", "If-Match", "other")).isEqualTo(304);
        assertThat(status("If-None-Match", "*")).isEqualTo(304);
        assertThat(status("If-None-Match", "a, b")).isZero();
    }

    @Test
    void ifMatchNeedsTheEtagOrStar() {
        assertThat(status("If-Match", "other")).isEqualTo(412);
        assertThat(status("If-Match", "x, " + ETAG)).isZero();
        assertThat(status("If-Match", "*")).isZero();
        assertThat(status("If-Match", "")).isEqualTo(412);
    }

    @Test
    void datesCompareWholeSecondsAndBadDatesAreIgnored() {
        assertThat(status("If-Modified-Since", "Sun, 22 Nov 2026 00:00:01 GMT")).isEqualTo(304);
        assertThat(status("If-Modified-Since", "Sun, 22 Nov 2026 00:00:00 GMT")).isZero();
        assertThat(status("If-Modified-Since", "Sunday, 22-Nov-26 00:00:01 GMT")).isEqualTo(304);
        assertThat(status("If-Modified-Since", "Sun Nov 22 00:00:01 2026")).isEqualTo(304);
        assertThat(status("If-Modified-Since", "yesterday")).isZero();
        assertThat(status("If-Unmodified-Since", "Sun, 22 Nov 2026 00:00:00 GMT")).isEqualTo(412);
        assertThat(status("If-Unmodified-Since", "Sun, 22 Nov 2026 00:00:01 GMT")).isZero();
    }

    @Test
    void ifMatchStarFailsOnAMissingObject() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("If-Match", "*");
        assertThat(Conditionals.missingFailsIfMatch(headers)).isTrue();
        headers.set("If-Match", ETAG);
        assertThat(Conditionals.missingFailsIfMatch(headers)).isFalse();
    }

    @Test
    void formatsLastModifiedAsSwob() {
        assertThat(Conditionals.formatHttpDate(LAST_MODIFIED)).isEqualTo("Sun, 22 Nov 2026 00:00:01 GMT");
        assertThat(Conditionals.formatHttpDate(1_700_000_000L)).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
    }

    private static int status(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return Conditionals.statusFor(headers, ETAG, LAST_MODIFIED);
    }
}
