package io.ringway.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Python 3.11's json.dumps, ElementTree and Swift 2.30.1's Timestamp produce. */
final class ListingBodiesTests {

    @Test
    void writesJsonAsPythonsJsonDumpsWithAsciiEscapes() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", "a\"b\\c\n\t\u0001\u007f é \uD83D\uDE00 \uFF61");
        record.put("bytes", 1L);
        assertThat(new String(ListingBodies.json(List.of(record)), StandardCharsets.US_ASCII)).isEqualTo(
                "[{\"name\": \"a\\\"b\\\\c\\n\\t\\u0001\\u007f \\u00e9 \\ud83d\\ude00 \\uff61\", \"bytes\": 1}]");
        assertThat(ListingBodies.json(List.of())).asString(StandardCharsets.US_ASCII).isEqualTo("[]");
    }

    @Test
    void formatsLastModifiedAsSwiftsIsoformat() {
        assertThat(ListingBodies.isoformat(Timestamp.parse("0"))).isEqualTo("1970-01-01T00:00:00.000000");
        assertThat(ListingBodies.isoformat(Timestamp.parse("1700000002.12345"))).isEqualTo("2023-11-14T22:13:22.123450");
        assertThat(ListingBodies.isoformat(Timestamp.parse("1700000002.99999"))).isEqualTo("2023-11-14T22:13:22.999990");
        assertThat(ListingBodies.isoformat(Timestamp.parse("1.5"))).isEqualTo("1970-01-01T00:00:01.500000");
    }

    @Test
    void roundsLastModifiedUpToWholeSeconds() {
        assertThat(ListingBodies.lastModified(Timestamp.parse("1700000002.12345")))
                .isEqualTo("Tue, 14 Nov 2023 22:13:23 GMT");
        assertThat(ListingBodies.lastModified(Timestamp.parse("1700000001.00000")))
                .isEqualTo("Tue, 14 Nov 2023 22:13:21 GMT");
        assertThat(ListingBodies.lastModified(Timestamp.parse("1.5"))).isEqualTo("Thu, 01 Jan 1970 00:00:02 GMT");
    }

    @Test
    void escapesXmlAsElementTree() {
        assertThat(ListingBodies.xmlAttribute("a&<>\"\n\t\r b")).isEqualTo("a&amp;&lt;&gt;&quot;&#10;&#09;&#13; b");
        StringBuilder out = new StringBuilder();
        ListingBodies.xmlElement(out, "name", "x&<>\"' é");
        ListingBodies.xmlElement(out, "content_type", "");
        assertThat(out).hasToString("<name>x&amp;&lt;&gt;\"' é</name><content_type />");
    }

    @Test
    void writesOneNameALineForPlainListings() {
        assertThat(ListingBodies.text(List.of("a", "é/"))).asString(StandardCharsets.UTF_8).isEqualTo("a\né/\n");
        assertThat(ListingBodies.text(List.of())).isEmpty();
    }
}
