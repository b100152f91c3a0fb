package io.ringway.middleware.acl;

import io.ringway.swift.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's ACLs, set with {@code X-Account-Access-Control} (stored as the account sysmeta
 * {@code core-access-control}): JSON such as
 * {@code {"admin":["alice"],"read-write":["bob"],"read-only":["carol:c"]}}.
 *
 * @param admin users and groups that act as the account's owner
 * @param readWrite users and groups that may do anything to containers and objects, and read the account
 * @param readOnly users and groups that may read (GET, HEAD) everything in the account
 */
public record AccountAcls(List<String> admin, List<String> readWrite, List<String> readOnly) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KEYS = List.of("admin", "read-write", "read-only");

    public AccountAcls {
        admin = List.copyOf(admin);
        readWrite = List.copyOf(readWrite);
        readOnly = List.copyOf(readOnly);
    }

    /**
     * The ACLs of a stored {@code core-access-control} value, as Swift's
     * {@code acls_from_account_info}: {@code null} when the value is absent, not a JSON object,
     * or grants nothing. Values that are not lists of strings grant nothing.
     */
    public static @Nullable AccountAcls fromStored(@Nullable String stored) {
        JsonNode root = parseObject(stored);
        if (root == null) {
            return null;
        }
        AccountAcls acls = new AccountAcls(strings(root.get("admin")), strings(root.get("read-write")),
                strings(root.get("read-only")));
        if (acls.admin.isEmpty() && acls.readWrite.isEmpty() && acls.readOnly.isEmpty()) {
            return null;
        }
        return acls;
    }

    /**
     * What is wrong with an {@code X-Account-Access-Control} value for tempauth, in Swift's
     * words ({@code extract_acl_and_report_errors}), or {@code null} when it is valid.
     */
    public static @Nullable String validationError(String header) {
        JsonNode root = header.isEmpty() ? JSON.createObjectNode() : parseObject(header);
        if (root == null) {
            return "Syntax error in input (" + PythonText.repr(header) + ")";
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!KEYS.contains(entry.getKey())) {
                return "Key " + PythonText.jsonString(entry.getKey()) + " not recognized";
            }
        }
        for (String key : KEYS) {
            JsonNode value = root.get(key);
            if (value == null) {
                continue;
            }
            if (!value.isArray()) {
                return "Value for key " + PythonText.jsonString(key) + " must be a list";
            }
            for (JsonNode grantee : value) {
                if (!grantee.isString()) {
                    return "Elements of " + PythonText.jsonString(key) + " list must be strings";
                }
            }
        }
        return null;
    }

    /** Whether any of the groups is in the list. */
    public static boolean anyIn(List<String> groups, List<String> granted) {
        for (String group : groups) {
            if (granted.contains(group)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable JsonNode parseObject(@Nullable String data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(data);
            return root != null && root.isObject() ? root : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static List<String> strings(@Nullable JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (item.isString()) {
                    values.add(item.asString());
                }
            }
        }
        return values;
    }
}
