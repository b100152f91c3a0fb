package io.ringway.middleware.listingformats;

import io.ringway.swift.listing.ElementTreeXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON listing into the client's format as Swift's {@code listing_formats} does
 * ({@code account_to_xml}, {@code container_to_xml}, {@code listing_to_text},
 * {@code json.dumps}), dropping entries with Swift's reserved byte unless the request may see
 * them.
 */
final class ListingConverter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String RESERVED = "\u0000";
    private static final List<String> CONTAINER_FIELDS = List.of("name", "count", "bytes", "last_modified");
    private static final List<String> OBJECT_FIELDS = List.of("name", "hash", "bytes", "content_type",
            "last_modified");

    private ListingConverter() {
    }

    /**
     * The body in {@code contentType}, or {@code null} when the JSON is not a list of objects or
     * lacks a field the format needs: Swift then passes the body on as it came (a static web
     * listing, say).
     */
    static byte @Nullable [] convert(byte[] json, String contentType, ListingTarget target, boolean allowReserved) {
        List<JsonNode> listing = parse(json);
        if (listing == null) {
            return null;
        }
        if (!allowReserved) {
            listing.removeIf(ListingConverter::reserved);
        }
        if (contentType.endsWith("/xml")) {
            String xml = target.isContainer() ? containerXml(listing, target.container())
                    : accountXml(listing, target.account());
            return xml == null ? null : xml.getBytes(StandardCharsets.UTF_8);
        }
        if (contentType.equals("text/plain")) {
            return text(listing);
        }
        StringBuilder out = new StringBuilder();
        ListingJson.dumps(out, JSON.createArrayNode().addAll(listing));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static @Nullable List<JsonNode> parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isArray()) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>(root.size());
        for (JsonNode item : root) {
            if (!item.isObject()) {
                return null;
            }
            items.add(item);
        }
        return items;
    }

    private static boolean reserved(JsonNode entry) {
        for (String key : List.of("name", "subdir")) {
            JsonNode value = entry.get(key);
            if (value != null && value.isString() && value.stringValue().contains(RESERVED)) {
                return true;
            }
        }
        return false;
    }

    private static byte @Nullable [] text(List<JsonNode> listing) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : listing) {
            JsonNode name = item.has("name") ? item.get("name") : item.get("subdir");
            if (name == null) {
                return null;
            }
            out.append(ListingJson.str(name)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // The account element has a newline as text and after each child; the container element none.
    private static @Nullable String accountXml(List<JsonNode> listing, String account) {
        StringBuilder out = new StringBuilder(ElementTreeXml.DECLARATION)
                .append("<account name=\"").append(ElementTreeXml.attribute(account)).append("\">\n");
        for (JsonNode record : listing) {
            if (record.has("subdir")) {
                out.append("<subdir name=\"").append(ElementTreeXml.attribute(ListingJson.str(record.get("subdir"))))
                        .append("\" />");
            } else if (!fields(out.append("<container>"), record, CONTAINER_FIELDS)) {
                return null;
            } else {
                out.append("</container>");
            }
            out.append('\n');
        }
        return out.append("</account>").toString();
    }

    private static @Nullable String containerXml(List<JsonNode> listing, String container) {
        StringBuilder out = new StringBuilder(ElementTreeXml.DECLARATION)
                .append("<container name=\"").append(ElementTreeXml.attribute(container)).append('"');
        if (listing.isEmpty()) {
            return out.append(" />").toString();
        }
        out.append('>');
        for (JsonNode record : listing) {
            if (record.has("subdir")) {
                String name = ListingJson.str(record.get("subdir"));
                out.append("<subdir name=\"").append(ElementTreeXml.attribute(name)).append("\">");
                ElementTreeXml.element(out, "name", name);
                out.append("</subdir>");
            } else if (!fields(out.append("<object>"), record, OBJECT_FIELDS)) {
                return null;
            } else {
                out.append("</object>");
            }
        }
        return out.append("</container>").toString();
    }

    private static boolean fields(StringBuilder out, JsonNode record, List<String> names) {
        for (String field : names) {
            JsonNode value = record.get(field);
            if (value == null) {
                return false;
            }
            ElementTreeXml.element(out, field, ListingJson.str(value));
        }
        return true;
    }
}
