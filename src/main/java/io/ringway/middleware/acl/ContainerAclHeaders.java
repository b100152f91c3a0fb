package io.ringway.middleware.acl;

import io.ringway.swift.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates and tidies {@code X-Container-Read} and {@code X-Container-Write} values before they
 * are stored, as Swift's {@code clean_acl}: items are trimmed, empty items dropped, the referrer
 * designators {@code .ref}, {@code .referer}, {@code .referrer} shortened to {@code .r}, and a
 * leading {@code *} of a domain dropped ({@code .r:*.example.com} becomes {@code .r:.example.com}).
 */
public final class ContainerAclHeaders {

    private static final List<String> REFERRER_DESIGNATORS = List.of(".r", ".ref", ".referer", ".referrer");

    private ContainerAclHeaders() {
    }

    /**
     * The cleaned value.
     *
     * @param headerName the header the value came in; referrers are refused in a write ACL
     * @throws IllegalArgumentException with Swift's message when the value is not a valid ACL
     */
    public static String clean(String headerName, String value) {
        boolean write = headerName.toLowerCase(Locale.ROOT).contains("write");
        List<String> values = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String raw = item.strip();
            if (raw.isEmpty()) {
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon < 0) {
                values.add(raw);
                continue;
            }
            String first = raw.substring(0, colon).strip();
            String second = raw.substring(colon + 1).strip();
            if (first.isEmpty() || !first.startsWith(".")) {
                values.add(raw);
            } else if (REFERRER_DESIGNATORS.contains(first)) {
                values.add(referrer(write, raw, second));
            } else {
                throw new IllegalArgumentException("Unknown designator " + PythonText.repr(first) + " in ACL: "
                        + PythonText.repr(raw));
            }
        }
        return String.join(",", values);
    }

    private static String referrer(boolean write, String raw, String value) {
        if (write) {
            throw new IllegalArgumentException("Referrers not allowed in write ACL: " + PythonText.repr(raw));
        }
        boolean negate = false;
        String host = value;
        if (host.startsWith("-")) {
            negate = true;
            host = host.substring(1).strip();
        }
        if (!host.isEmpty() && !host.equals("*") && host.startsWith("*")) {
            host = host.substring(1).strip();
        }
        if (host.isEmpty() || host.equals(".")) {
            throw new IllegalArgumentException("No host/domain value after referrer designation in ACL: "
                    + PythonText.repr(raw));
        }
        return ".r:" + (negate ? "-" : "") + host;
    }
}
