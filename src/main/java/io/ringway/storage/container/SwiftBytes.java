package io.ringway.storage.container;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code extract_swift_bytes}: a {@code swift_bytes} content-type parameter (set on SLO
 * manifests) taken out of the content type, the other parameters put back as
 * {@code ;key=value} the way {@code parse_content_type} reads them.
 *
 * @param contentType the content type without {@code swift_bytes}
 * @param swiftBytes its value, {@code null} when absent
 */
record SwiftBytes(String contentType, @Nullable String swiftBytes) {

    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final Pattern PARAMETER = Pattern.compile(
            "(?:\\s*;\\s*(" + TOKEN + ")\\s*(?:=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)");

    static SwiftBytes extract(String contentType) {
        int semicolon = contentType.indexOf(';');
        if (semicolon < 0) {
            return new SwiftBytes(contentType, null);
        }
        StringBuilder type = new StringBuilder(contentType.substring(0, semicolon));
        String swiftBytes = null;
        Matcher matcher = PARAMETER.matcher(contentType.substring(semicolon));
        while (matcher.find()) {
            String key = matcher.group(1).strip();
            String value = matcher.group(2) == null ? "" : matcher.group(2).strip();
            if (key.equals("swift_bytes")) {
                swiftBytes = value;
            } else {
                type.append(';').append(key).append('=').append(value);
            }
        }
        return new SwiftBytes(type.toString(), swiftBytes);
    }

    /** The content type with {@code swift_bytes} appended again, as Swift stores it. */
    String withSwiftBytes() {
        return swiftBytes == null ? contentType : contentType + ";swift_bytes=" + swiftBytes;
    }
}
