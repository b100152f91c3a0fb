package io.ringway.proxy.account;

import io.ringway.swift.PythonText;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swift's {@code add_acls_from_sys_metadata}: the stored account ACL
 * ({@code X-Account-Sysmeta-Core-Access-Control}) shown to the owner as
 * {@code X-Account-Access-Control}, re-encoded as {@code format_acl(version=2)} does (keys sorted,
 * no spaces, non-ASCII escaped); an empty object shows nothing.
 */
final class AccountAcl {

    static final String SYSMETA = "X-Account-Sysmeta-Core-Access-Control";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountAcl() {
    }

    /** Replaces the sysmeta header of {@code headers} with the client's header, as for an owner. */
    static void showToOwner(HttpHeaders headers) {
        String stored = headers.getFirst(SYSMETA);
        headers.remove(SYSMETA);
        String shown = format(stored);
        if (shown != null) {
            headers.set("X-Account-Access-Control", shown);
        }
    }

    /** {@code format_acl(2, parse_acl(2, stored))}, or null when that is empty or not a JSON object. */
    static @Nullable String format(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(stored);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        dump(root, out);
        return out.toString();
    }

    /** Python's {@code json.dumps(value, separators=(',', ':'), sort_keys=True)}. */
    private static void dump(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
                out.append(separator).append(PythonText.jsonString(entry.getKey())).append(':');
                dump(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                dump(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            out.append(PythonText.jsonString(node.asString()));
        } else {
            out.append(node.toString());
        }
    }
}
