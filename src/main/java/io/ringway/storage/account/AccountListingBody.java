package io.ringway.storage.account;

import io.ringway.storage.db.ListingBodies;
import io.ringway.storage.db.ListingEntry;
import io.ringway.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account listing body, byte for byte as Swift's {@code account_listing_response}: JSON
 * records {@code name, count, bytes, last_modified} (or {@code subdir}), ElementTree XML with a
 * line break after each element, or one name a line.
 */
final class AccountListingBody {

    private AccountListingBody() {
    }

    static byte[] render(List<ListingEntry<ContainerRecord>> rows, String contentType, String account) {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (ListingEntry<ContainerRecord> entry : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            if (entry instanceof ListingEntry.Subdir<ContainerRecord> subdir) {
                record.put("subdir", subdir.name());
            } else {
                ContainerRecord row = ((ListingEntry.Row<ContainerRecord>) entry).row();
                record.put("name", row.name());
                record.put("count", row.objectCount());
                record.put("bytes", row.bytesUsed());
                record.put("last_modified", ListingBodies.isoformat(Timestamp.parse(row.putTimestamp())));
            }
            records.add(record);
        }
        if (contentType.endsWith("/xml")) {
            return xml(records, account);
        }
        if (contentType.endsWith("/json")) {
            return ListingBodies.json(records);
        }
        List<String> names = new ArrayList<>(records.size());
        records.forEach(record -> names.add(String.valueOf(record.getOrDefault("name", record.get("subdir")))));
        return ListingBodies.text(names);
    }

    private static byte[] xml(List<Map<String, Object>> records, String account) {
        StringBuilder out = new StringBuilder(ListingBodies.XML_DECLARATION)
                .append("<account name=\"").append(ListingBodies.xmlAttribute(account)).append("\">\n");
        for (Map<String, Object> record : records) {
            Object subdir = record.get("subdir");
            if (subdir != null) {
                out.append("<subdir name=\"").append(ListingBodies.xmlAttribute(subdir.toString())).append("\" />\n");
                continue;
            }
            out.append("<container>");
            for (String field : List.of("name", "count", "bytes", "last_modified")) {
                ListingBodies.xmlElement(out, field, String.valueOf(record.get(field)));
            }
            out.append("</container>\n");
        }
        return out.append("</account>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
