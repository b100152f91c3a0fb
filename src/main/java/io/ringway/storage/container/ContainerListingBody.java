package io.ringway.storage.container;

import io.ringway.storage.db.ListingBodies;
import io.ringway.storage.db.ListingEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container listing body, byte for byte as Swift's {@code create_listing}: JSON records
 * {@code bytes, hash, name, content_type, last_modified} (or {@code subdir}), ElementTree XML, or
 * one name a line. A {@code swift_bytes} content-type parameter replaces the size, as Swift's
 * {@code override_bytes_from_content_type} does; the last-modified time is the metadata time.
 */
final class ContainerListingBody {

    private ContainerListingBody() {
    }

    static byte[] render(List<ListingEntry<ObjectRecord>> rows, String contentType, String container) {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (ListingEntry<ObjectRecord> entry : rows) {
            records.add(record(entry));
        }
        if (contentType.endsWith("/xml")) {
            return xml(records, container);
        }
        if (contentType.endsWith("/json")) {
            return ListingBodies.json(records);
        }
        List<String> names = new ArrayList<>(records.size());
        records.forEach(record -> names.add(String.valueOf(record.getOrDefault("name", record.get("subdir")))));
        return ListingBodies.text(names);
    }

    static Map<String, Object> record(ListingEntry<ObjectRecord> entry) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (entry instanceof ListingEntry.Subdir<ObjectRecord> subdir) {
            record.put("subdir", subdir.name());
            return record;
        }
        ObjectRecord row = ((ListingEntry.Row<ObjectRecord>) entry).row();
        long bytes = row.size();
        SwiftBytes type = SwiftBytes.extract(row.contentType());
        if (type.swiftBytes() != null) {
            try {
                bytes = Long.parseLong(type.swiftBytes());
            } catch (NumberFormatException e) {
                // Swift logs "Invalid swift_bytes" and keeps the row's size.
            }
        }
        record.put("bytes", bytes);
        record.put("hash", row.etag());
        record.put("name", row.name());
        record.put("content_type", type.contentType());
        // The last-modified time of a listing row is its metadata timestamp.
        record.put("last_modified", ListingBodies.isoformat(EncodedTimestamps.decode(row.createdAt()).meta()));
        return record;
    }

    private static byte[] xml(List<Map<String, Object>> records, String container) {
        StringBuilder out = new StringBuilder(ListingBodies.XML_DECLARATION)
                .append("<container name=\"").append(ListingBodies.xmlAttribute(container)).append('"');
        if (records.isEmpty()) {
            return out.append(" />").toString().getBytes(StandardCharsets.UTF_8);
        }
        out.append('>');
        for (Map<String, Object> record : records) {
            Object subdir = record.get("subdir");
            if (subdir != null) {
                out.append("<subdir name=\"").append(ListingBodies.xmlAttribute(subdir.toString())).append("\">");
                ListingBodies.xmlElement(out, "name", subdir.toString());
                out.append("</subdir>");
                continue;
            }
            out.append("<object>");
            for (String field : List.of("name", "hash", "bytes", "content_type", "last_modified")) {
                ListingBodies.xmlElement(out, field, String.valueOf(record.get(field)));
            }
            out.append("</object>");
        }
        return out.append("</container>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
