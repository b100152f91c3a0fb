package io.ringway.middleware.listingformats;

import io.ringway.swift.listing.PythonJson;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A parsed JSON value written back as Python's {@code json.dumps} and {@code str} write it. */
final class ListingJson {

    private ListingJson() {
    }

    /** {@code json.dumps(value)}. */
    static void dumps(StringBuilder out, JsonNode value) {
        if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                PythonJson.string(out, field.getKey());
                out.append(": ");
                dumps(out, field.getValue());
            }
            out.append('}');
            return;
        }
        if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                dumps(out, value.get(i));
            }
            out.append(']');
            return;
        }
        if (value.isString()) {
            PythonJson.string(out, value.stringValue());
            return;
        }
        if (value.isFloatingPointNumber()) {
            out.append(PythonJson.floatRepr(value.doubleValue()));
            return;
        }
        // Integers, true, false and null print as JSON does.
        out.append(value.toString());
    }

    /**
     * {@code six.text_type(value)}: strings as they are, {@code True}/{@code False}/{@code None},
     * numbers as Python prints them. Lists and dicts (never in a listing) are written as JSON.
     */
    static String str(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        StringBuilder out = new StringBuilder();
        dumps(out, value);
        return out.toString();
    }
}
