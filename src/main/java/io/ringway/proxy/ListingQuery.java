package io.ringway.proxy;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.PythonText;
import io.ringway.swift.SwiftRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A listing request's query string as Swift's {@code req.params} sees it (a name's last value
 * wins), and the query the account and container controllers send to the nodes: the client's
 * parameters with {@code format=json} (Swift's controllers set it; {@code listing_formats}
 * converts the JSON answer to the client's format).
 */
public final class ListingQuery {

    private final List<String> pairs;
    private final Map<String, byte[]> values;

    private ListingQuery(List<String> pairs, Map<String, byte[]> values) {
        this.pairs = pairs;
        this.values = values;
    }

    /** Splits a raw (percent-encoded) query string; null or empty gives no parameters. */
    public static ListingQuery parse(@Nullable String rawQuery) {
        List<String> pairs = new ArrayList<>();
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                byte[] value = PythonText.unquoteToBytes((eq < 0 ? "" : pair.substring(eq + 1)).replace('+', ' '));
                pairs.add(pair);
                values.put(name, value);
            }
        }
        return new ListingQuery(pairs, values);
    }

    /** The parameter's value (its last one), decoded as UTF-8, or null when absent. */
    public @Nullable String get(String name) {
        byte[] value = values.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Swift's {@code validate_params}: 400 {@code "<name>" parameter not valid UTF-8} (text/plain)
     * for the first of {@code names} whose value is not UTF-8. Only the decoding is checked: a NUL
     * is valid here (Swift's {@code get_param} just decodes, and a listing marker like {@code b1\0}
     * sorts right after {@code b1}), unlike in names, where {@code check_utf8} refuses it.
     */
    public void requireUtf8(List<String> names) {
        for (String name : names) {
            byte[] value = values.get(name);
            if (value != null && SwiftRules.decodeUtf8(value) == null) {
                throw GatewayException.plain(400, "\"" + name + "\" parameter not valid UTF-8", null);
            }
        }
    }

    /** The query for the nodes: every parameter but {@code format}, then {@code format=json}. */
    public String asJson() {
        StringBuilder query = new StringBuilder();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (decode(eq < 0 ? pair : pair.substring(0, eq)).equals("format")) {
                continue;
            }
            query.append(pair).append('&');
        }
        return query.append("format=json").toString();
    }

    private static String decode(String raw) {
        return new String(PythonText.unquoteToBytes(raw.replace('+', ' ')), StandardCharsets.UTF_8);
    }
}
