package io.ringway.swift.listing;

/** ElementTree's serialisation as Swift's listings use it (Python 3's {@code xml.etree}). */
public final class ElementTreeXml {

    /** The XML declaration with Swift's double quotes, as {@code listing_formats.to_xml} writes it. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private ElementTreeXml() {
    }

    /** ElementTree's text escaping. */
    public static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** ElementTree's attribute escaping. */
    public static String attribute(String value) {
        return text(value).replace("\"", "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
                .replace("\t", "&#09;");
    }

    /** {@code <tag>text</tag>}, or {@code <tag />} for empty text as ElementTree writes it. */
    public static void element(StringBuilder out, String tag, String text) {
        if (text.isEmpty()) {
            out.append('<').append(tag).append(" />");
            return;
        }
        out.append('<').append(tag).append('>').append(text(text)).append("</").append(tag).append('>');
    }
}
