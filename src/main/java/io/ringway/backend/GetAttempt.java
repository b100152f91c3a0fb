package io.ringway.backend;

import static java.util.Objects.requireNonNull;

import io.ringway.ring.Node;
import io.ringway.swift.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The state of one client GET or HEAD across nodes (the fields of Swift's
 * {@code GetOrHeadHandler}): the node order, the statuses and headers collected so far, the
 * newest 404's timestamp, the ETag of the node already streaming, and the bytes sent since the
 * {@code Range} was last moved forward. Nodes are tried one after another, so one thread at a
 * time touches it; the fields are guarded by {@code this} anyway.
 */
final class GetAttempt {

    /** Swift's {@code TRUE_VALUES}. */
    private static final java.util.Set<String> TRUE_VALUES = java.util.Set.of("true", "1", "yes", "on", "t", "y");

    final ObjectGetRequest request;
    final int partition;
    final NodeIterator nodes;
    private final HttpHeaders backendHeaders;
    private final List<Integer> statuses = new ArrayList<>();
    private final List<HttpHeaders> headers = new ArrayList<>();
    private Timestamp latest404 = new Timestamp(0, 0);
    private @Nullable String usedEtag;
    private long sentSinceRange;

    GetAttempt(ObjectGetRequest request, int partition, NodeIterator nodes) {
        this.request = requireNonNull(request, "request");
        this.partition = partition;
        this.nodes = requireNonNull(nodes, "nodes");
        this.backendHeaders = new HttpHeaders();
        request.headers().forEach(backendHeaders::addAll);
        backendHeaders.set("X-Backend-Storage-Policy-Index", Integer.toString(request.policyIndex()));
    }

    /** Whether the client asked for the newest copy ({@code X-Newest}, true as Swift's {@code config_true_value}). */
    boolean newest() {
        String value = request.headers().getFirst("X-Newest");
        return value != null && TRUE_VALUES.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    synchronized HttpHeaders backendHeaders() {
        HttpHeaders copy = new HttpHeaders();
        backendHeaders.forEach(copy::addAll);
        return copy;
    }

    synchronized @Nullable Node nextNode() {
        return nodes.nextOrNull();
    }

    synchronized void record(int status, HttpHeaders responseHeaders) {
        statuses.add(status);
        headers.add(responseHeaders);
        if (status == 404) {
            Timestamp ts = Timestamp.parseOrNull(responseHeaders.getFirst("X-Backend-Timestamp"));
            if (ts != null && ts.isAfter(latest404)) {
                latest404 = ts;
            }
        }
    }

    /** Whether a good source is not older than the newest tombstone seen (Swift compares them). */
    synchronized boolean notOlderThanTombstones(HttpHeaders source) {
        Timestamp ts = sourceTimestampOrNull(source);
        return ts == null ? latest404.raw() == 0 && latest404.offset() == 0 : ts.compareTo(latest404) >= 0;
    }

    /** Whether a resumed source's ETag differs from the one the client is already getting. */
    synchronized boolean etagDiffers(HttpHeaders source) {
        return usedEtag != null && !usedEtag.equals(normalizeEtag(source.getFirst(HttpHeaders.ETAG)));
    }

    synchronized void useSource(HttpHeaders source) {
        usedEtag = normalizeEtag(source.getFirst(HttpHeaders.ETAG));
    }

    synchronized void sent(long bytes) {
        sentSinceRange += bytes;
    }

    /** Moves {@code Range} past the bytes sent, as Swift's {@code fast_forward}. */
    synchronized ResumeRange.Result fastForward() {
        ResumeRange.Result result = ResumeRange.fastForward(backendHeaders.getFirst(HttpHeaders.RANGE), sentSinceRange);
        if (result.outcome() == ResumeRange.Outcome.RESUME) {
            backendHeaders.set(HttpHeaders.RANGE, result.range());
            sentSinceRange = 0;
        }
        return result;
    }

    /** Swift's best response over what was collected: no source was good. */
    synchronized ObjectResponse best() {
        int index = BestResponse.pick(statuses, BestResponse.quorumSize(statuses.size()));
        if (index < 0) {
            return ObjectResponse.bodiless(503, new HttpHeaders());
        }
        return ObjectResponse.bodiless(statuses.get(index), headers.get(index));
    }

    synchronized List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** Swift's {@code source_key}: the source's data timestamp, 0 when it names none. */
    static Timestamp sourceTimestamp(HttpHeaders source) {
        Timestamp ts = sourceTimestampOrNull(source);
        return ts == null ? new Timestamp(0, 0) : ts;
    }

    private static @Nullable Timestamp sourceTimestampOrNull(HttpHeaders source) {
        for (String name : List.of("X-Backend-Data-Timestamp", "X-Backend-Timestamp", "X-Put-Timestamp",
                "X-Timestamp")) {
            Timestamp ts = Timestamp.parseOrNull(source.getFirst(name));
            if (ts != null) {
                return ts;
            }
        }
        return null;
    }

    /** Swift's {@code normalize_etag}: without the quotes. */
    static @Nullable String normalizeEtag(@Nullable String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
