package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class S3HeadersTests {

    @Test
    void swiftMetadataAndExpiryBecomeUserMetadataOnTheWayIn() {
        HttpHeaders swift = new HttpHeaders();
        swift.set("X-Object-Meta-Fruit", "apple");
        swift.set("Content-Type", "text/plain");
        swift.set("Content-Disposition", "attachment");
        swift.set("X-Delete-At", "1900000000");
        swift.set("X-Trans-Id-Extra", "not passed");
        swift.set("X-Object-Meta-", "no name");

        assertThat(S3Headers.written(swift)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "x-amz-meta-fruit", "apple", "content-type", "text/plain", "content-disposition", "attachment",
                "x-amz-meta-ringway-delete-at", "1900000000"));
    }

    @Test
    void s3AnswersBecomeSwiftsWithTitledMetadataAndBareEtags() {
        HttpHeaders s3 = new HttpHeaders();
        s3.set("ETag", "\"0123456789abcdef0123456789abcdef\"");
        s3.set("x-amz-meta-mixed-case_name", "v");
        s3.set("x-amz-meta-ringway-delete-at", "1900000000");
        s3.set("x-amz-request-id", "r");
        s3.set("x-amz-version-id", "v1");
        s3.set("Last-Modified", "Sun, 22 Nov 2026 20:00:00 GMT");
        s3.set("Content-Length", "4");
        s3.set("Server", "Jetty");

        HttpHeaders swift = S3Headers.read(s3);

        assertThat(swift.toSingleValueMap()).containsOnlyKeys("ETag", "X-Object-Meta-Mixed-Case_Name", "X-Delete-At",
                "Last-Modified", "Content-Length", "X-Timestamp");
        assertThat(swift.getFirst("ETag")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(swift.getFirst("X-Timestamp")).isEqualTo("1795377600.00000");
        assertThat(S3Headers.expired(swift, 1_899_999_999L)).isFalse();
        assertThat(S3Headers.expired(swift, 1_900_000_000L)).isTrue();
    }

    @Test
    void conditionsQuoteBareEtagsAndAnEtagBecomesContentMd5() {
        HttpHeaders swift = new HttpHeaders();
        swift.set("If-Match", "abc, \"def\"");
        swift.set("If-None-Match", "*");
        swift.set("Range", "bytes=1-2");

        assertThat(S3Headers.conditions(swift)).containsEntry("if-match", "\"abc\", \"def\"")
                .containsEntry("if-none-match", "*").containsEntry("range", "bytes=1-2");
        assertThat(S3Headers.contentMd5("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThat(S3Headers.contentMd5("\"d41d8cd98f00b204e9800998ecf8427e\"")).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThat(S3Headers.contentMd5("nothex")).isNull();
        assertThat(S3Headers.contentMd5("zz1d8cd98f00b204e9800998ecf8427e")).isNull();
    }

    @Test
    void lastModifiedBecomesTheTimestampReadByHandOrByTheFormatter() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L));
            String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(java.time.ZoneOffset.UTC));
            if (date.length() == 29) {
                assertThat(S3Headers.fixdateSeconds(date)).as(date).isEqualTo(instant.getEpochSecond());
            }
            assertThat(S3Headers.timestamp(date)).as(date).isEqualTo(instant.getEpochSecond() + ".00000");
        }
        assertThat(S3Headers.timestamp("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo("784111777.00000");
        // Not the fixed form: the formatter's (a one-digit day, an offset), or nothing.
        assertThat(S3Headers.fixdateSeconds("Sun, 6 Nov 1994 08:49:37 GMT")).isEqualTo(-1);
        assertThat(S3Headers.timestamp("Sun, 6 Nov 1994 08:49:37 GMT")).isEqualTo("784111777.00000");
        assertThat(S3Headers.timestamp("Sun, 06 Nov 1994 09:49:37 +0100")).isEqualTo("784111777.00000");
        assertThat(S3Headers.fixdateSeconds("Sun, 31 Feb 1994 08:49:37 GMT")).isEqualTo(-1);
        assertThat(S3Headers.fixdateSeconds("Sun, 06 Nox 1994 08:49:37 GMT")).isEqualTo(-1);
        assertThat(S3Headers.fixdateSeconds("Sun, 06 Nov 19x4 08:49:37 GMT")).isEqualTo(-1);
        assertThat(S3Headers.timestamp("yesterday")).isNull();
    }

    @Test
    void titlesAsPythonDoes() {
        assertThat(S3Headers.title("foo-bar_baz1qux")).isEqualTo("Foo-Bar_Baz1Qux");
        assertThat(S3Headers.title("ABC")).isEqualTo("Abc");
    }
}
