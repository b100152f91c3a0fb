package io.ringway.storage.db;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * Picks the request headers Swift stores as account or container metadata, named as Swift's
 * WSGI layer names them ({@code X-Container-Meta-Color}, whatever the case on the wire).
 */
public final class MetadataHeaders {

    private MetadataHeaders() {
    }

    /**
     * The headers to store, each with {@code timestamp}: user and system metadata of
     * {@code serverType} ({@code is_sys_or_user_meta}) and the {@code saved} extra names.
     */
    public static Map<String, Metadata.Item> collect(HttpHeaders headers, String serverType, Set<String> saved,
            String timestamp) {
        Map<String, Metadata.Item> metadata = new LinkedHashMap<>();
        String userPrefix = "x-" + serverType + "-meta-";
        String sysPrefix = "x-" + serverType + "-sysmeta-";
        for (Map.Entry<String, java.util.List<String>> header : headers.headerSet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            boolean user = lower.length() > userPrefix.length() && lower.startsWith(userPrefix);
            boolean sys = lower.length() > sysPrefix.length() && lower.startsWith(sysPrefix);
            if (user || sys || saved.contains(lower)) {
                String value = header.getValue().isEmpty() ? "" : header.getValue().get(0);
                metadata.put(wsgiName(header.getKey()), new Metadata.Item(value, timestamp));
            }
        }
        return metadata;
    }

    /** A header name as WSGI gives it back: {@code _} becomes {@code -}, then Python's {@code str.title()}. */
    public static String wsgiName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean previousCased = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i) == '_' ? '-' : name.charAt(i);
            boolean cased = Character.isLetter(c);
            out.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            previousCased = cased;
        }
        return out.toString();
    }
}
