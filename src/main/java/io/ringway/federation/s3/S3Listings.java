package io.ringway.federation.s3;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.ListingBodies;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Swift container listings made of S3 ListObjectsV2 pages, and a bucket's object count and bytes
 * (S3 keeps neither: they are the sum of a walk over every page).
 *
 * <p>A forward listing asks S3 for the names after the marker and stops at the limit or the end
 * marker. S3 cannot list backwards, so a reverse listing walks the whole range and keeps its last
 * {@code limit} entries (at most 10000 in memory). S3 lists no content type: every object's is
 * {@code application/octet-stream} in a listing (a HEAD or GET of the object gives the real one).
 */
final class S3Listings {

    /** What a walk found: the entries in the client's order, and whether it saw the whole bucket. */
    record Walk(List<ListPage.Entry> entries, boolean wholeBucket) {
    }

    /** A bucket's object count and bytes. */
    record Stats(long objects, long bytes) {
    }

    static final String LISTED_CONTENT_TYPE = "application/octet-stream";
    private static final int PAGE = 1000;
    private static final DateTimeFormatter SWIFT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final S3Client client;

    S3Listings(S3Client client) {
        this.client = requireNonNull(client, "client");
    }

    /** The entries of {@code bucket} that {@code query} asks for; an S3 error as {@link S3Error}. */
    Mono<Walk> list(String bucket, SwiftListingQuery query) {
        Collector collector = new Collector(query);
        String startAfter = query.reverse() ? query.endMarker() : query.marker();
        return page(bucket, query, startAfter, null, collector);
    }

    private Mono<Walk> page(String bucket, SwiftListingQuery query, @Nullable String startAfter, @Nullable String token,
            Collector collector) {
        Map<String, String> params = params(query.reverse() ? PAGE : Math.min(PAGE, collector.wanted() + 1), token);
        if (!query.prefix().isEmpty()) {
            params.put("prefix", query.prefix());
        }
        if (query.delimiter() != null) {
            params.put("delimiter", query.delimiter());
        }
        if (token == null && startAfter != null && !startAfter.isEmpty()) {
            params.put("start-after", startAfter);
        }
        return fetch(bucket, params, "list").flatMap(page -> {
            boolean full = collector.take(page.entries());
            boolean more = page.truncated() && page.nextToken() != null;
            if (full || !more) {
                return Mono.just(collector.walk(!more));
            }
            return page(bucket, query, startAfter, page.nextToken(), collector);
        });
    }

    /** The parameters of every ListObjectsV2 page: keys URL-encoded, so that any key survives XML. */
    private static Map<String, String> params(int maxKeys, @Nullable String token) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("list-type", "2");
        params.put("encoding-type", "url");
        params.put("max-keys", Integer.toString(maxKeys));
        if (token != null) {
            params.put("continuation-token", token);
        }
        return params;
    }

    private Mono<ListPage> fetch(String bucket, Map<String, String> params, String why) {
        return client.fetch("GET", bucket, null, params, Map.of(), "GET /" + bucket + " (" + why + ")")
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw S3Error.of(answer);
                    }
                    return ListPage.parse(answer.body());
                });
    }

    /** The object count and bytes of {@code bucket}: every page summed. */
    Mono<Stats> stats(String bucket) {
        return sum(bucket, null, 0, 0);
    }

    private Mono<Stats> sum(String bucket, @Nullable String token, long objects, long bytes) {
        return fetch(bucket, params(PAGE, token), "count").flatMap(page -> {
            long count = objects;
            long total = bytes;
            for (ListPage.Entry entry : page.entries()) {
                count++;
                total += entry.bytes();
            }
            if (page.truncated() && page.nextToken() != null) {
                return sum(bucket, page.nextToken(), count, total);
            }
            return Mono.just(new Stats(count, total));
        });
    }

    /** The count and bytes of a walk that saw the whole bucket. */
    static Stats stats(Walk walk) {
        long bytes = 0;
        for (ListPage.Entry entry : walk.entries()) {
            bytes += entry.bytes();
        }
        return new Stats(walk.entries().size(), bytes);
    }

    /** A walk's entries as Swift's JSON listing. */
    static byte[] json(List<ListPage.Entry> entries) {
        List<Map<String, Object>> records = new ArrayList<>(entries.size());
        for (ListPage.Entry entry : entries) {
            Map<String, Object> record = new LinkedHashMap<>();
            if (entry.prefix()) {
                record.put("subdir", entry.name());
            } else {
                record.put("bytes", entry.bytes());
                record.put("hash", entry.etag());
                record.put("name", entry.name());
                record.put("content_type", LISTED_CONTENT_TYPE);
                record.put("last_modified", swiftTime(entry.lastModified()));
            }
            records.add(record);
        }
        return ListingBodies.json(records);
    }

    /** S3's {@code 2026-11-22T20:00:00.000Z} as Swift's {@code 2026-11-22T20:00:00.000000}. */
    static String swiftTime(String s3Time) {
        try {
            return SWIFT_TIME.format(Instant.parse(s3Time));
        } catch (DateTimeParseException e) {
            return s3Time;
        }
    }

    /** Takes a walk's entries page by page, as Swift's container server would list them. */
    private static final class Collector {

        private final SwiftListingQuery query;
        private final Deque<ListPage.Entry> kept = new ArrayDeque<>();
        private boolean stopped;

        Collector(SwiftListingQuery query) {
            this.query = query;
        }

        int wanted() {
            return query.limit() - kept.size();
        }

        /** Takes a page's entries; whether the walk is done. */
        boolean take(List<ListPage.Entry> entries) {
            for (ListPage.Entry entry : entries) {
                if (entry.prefix() && (query.pathOnly() || entry.name().equals(query.marker()))) {
                    continue;
                }
                if (query.reverse()) {
                    if (!query.marker().isEmpty() && ListPage.UTF8_ORDER.compare(entry.name(), query.marker()) >= 0) {
                        stopped = true;
                        return true;
                    }
                    kept.addLast(entry);
                    if (kept.size() > query.limit()) {
                        kept.removeFirst();
                    }
                    continue;
                }
                if (query.endMarker() != null && ListPage.UTF8_ORDER.compare(entry.name(), query.endMarker()) >= 0) {
                    stopped = true;
                    return true;
                }
                kept.addLast(entry);
                if (kept.size() >= query.limit()) {
                    stopped = true;
                    return true;
                }
            }
            return false;
        }

        /** The walk's entries; {@code exhausted}: S3 has no more pages. */
        Walk walk(boolean exhausted) {
            List<ListPage.Entry> entries = new ArrayList<>(kept);
            if (query.reverse()) {
                Collections.reverse(entries);
            }
            return new Walk(List.copyOf(entries), exhausted && !stopped && query.wholeContainer());
        }
    }
}
