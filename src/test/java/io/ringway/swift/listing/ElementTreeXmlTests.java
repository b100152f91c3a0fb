package io.ringway.swift.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ElementTree's escaping; expected values are Python 3.11's {@code xml.etree.ElementTree.tostring}. */
class ElementTreeXmlTests {

    @Test
    void escapesTextLeavingQuotesAndWhitespace() {
        assertThat(ElementTreeXml.text("a&b<c>\"d'\t\n")).isEqualTo("a&amp;b&lt;c&gt;\"d'\t\n");
    }

    @Test
    void escapesAttributesIncludingQuotesAndWhitespace() {
        assertThat(ElementTreeXml.attribute("a&b<c>\"d'\t\n\r")).isEqualTo("a&amp;b&lt;c&gt;&quot;d'&#09;&#10;&#13;");
    }

    @Test
    void writesEmptyElementsShort() {
        StringBuilder out = new StringBuilder();

        ElementTreeXml.element(out, "content_type", "");
        ElementTreeXml.element(out, "name", "<o>");

        assertThat(out).hasToString("<content_type /><name>&lt;o&gt;</name>");
    }
}
