package io.ringway.federation.s3;

import io.ringway.storage.db.DelimitedListing;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One page of an S3 ListObjectsV2 answer (asked with {@code encoding-type=url}, so that any key
 * survives XML): its objects and common prefixes in one list, in S3's (and Swift's) order of
 * UTF-8 bytes, and where the next page starts.
 *
 * @param entries the objects and prefixes, sorted
 * @param truncated whether more follow
 * @param nextToken the continuation token of the next page, or null
 */
record ListPage(List<Entry> entries, boolean truncated, @Nullable String nextToken) {

    /** Names in the order of their UTF-8 bytes (S3's and Swift's), which is the order of their code points. */
    static final Comparator<String> UTF8_ORDER = DelimitedListing::compare;

    /**
     * An object ({@code prefix} false) or a common prefix (a Swift {@code subdir}; only its name).
     *
     * @param name the key or the prefix
     * @param bytes the object's size
     * @param etag the object's ETag, without quotes
     * @param lastModified the object's ISO 8601 time, as S3 gives it
     */
    record Entry(String name, boolean prefix, long bytes, String etag, String lastModified) {
    }

    /** The elements read, by parent: the others (Owner, StorageClass, checksums...) are passed over. */
    private static final Set<String> LEAVES = Set.of("ListBucketResult/IsTruncated",
            "ListBucketResult/NextContinuationToken", "ListBucketResult/EncodingType", "Contents/Key", "Contents/Size",
            "Contents/ETag", "Contents/LastModified", "CommonPrefixes/Prefix");
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Parses a ListBucketResult; {@link IllegalArgumentException} when it is not one. */
    static ListPage parse(byte[] xml) {
        List<Entry> entries = new ArrayList<>();
        boolean truncated = false;
        String nextToken = null;
        boolean urlEncoded = false;
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            String root = null;
            String key = null;
            long size = 0;
            String etag = "";
            String modified = "";
            String prefix = null;
            List<String> path = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (root == null) {
                        root = name;
                        if (!root.equals("ListBucketResult")) {
                            throw new IllegalArgumentException("not a ListBucketResult: " + root);
                        }
                    }
                    path.add(name);
                    if (path.size() == 2 && (name.equals("Contents") || name.equals("CommonPrefixes"))) {
                        key = null;
                        size = 0;
                        etag = "";
                        modified = "";
                        prefix = null;
                    } else if (path.size() >= 2 && LEAVES.contains(path.get(path.size() - 2) + "/" + name)) {
                        String text = reader.getElementText();
                        path.remove(path.size() - 1);
                        switch (path.get(path.size() - 1) + "/" + name) {
                            case "ListBucketResult/IsTruncated" -> truncated = Boolean.parseBoolean(text.strip());
                            case "ListBucketResult/NextContinuationToken" -> nextToken = text;
                            case "ListBucketResult/EncodingType" -> urlEncoded = text.strip().equalsIgnoreCase("url");
                            case "Contents/Key" -> key = text;
                            case "Contents/Size" -> size = Long.parseLong(text.strip());
                            case "Contents/ETag" -> etag = unquote(text.strip());
                            case "Contents/LastModified" -> modified = text.strip();
                            case "CommonPrefixes/Prefix" -> prefix = text;
                            default -> {
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.remove(path.size() - 1);
                    if (path.size() == 1 && name.equals("Contents") && key != null) {
                        entries.add(new Entry(key, false, size, etag, modified));
                    } else if (path.size() == 1 && name.equals("CommonPrefixes") && prefix != null) {
                        entries.add(new Entry(prefix, true, 0, "", ""));
                    }
                }
            }
            if (root == null) {
                throw new IllegalArgumentException("empty answer");
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IllegalArgumentException("unreadable ListBucketResult: " + e.getMessage(), e);
        }
        List<Entry> decoded = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            decoded.add(urlEncoded ? new Entry(URLDecoder.decode(entry.name(), StandardCharsets.UTF_8), entry.prefix(),
                    entry.bytes(), entry.etag(), entry.lastModified()) : entry);
        }
        decoded.sort(Comparator.comparing(Entry::name, UTF8_ORDER));
        return new ListPage(List.copyOf(decoded), truncated, nextToken);
    }

    static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
