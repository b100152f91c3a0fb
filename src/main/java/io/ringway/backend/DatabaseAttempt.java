package io.ringway.backend;

import io.ringway.swift.SwiftStatus;
import io.ringway.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * One account or container GET/HEAD across replicas: the nodes still to ask, the bad answers
 * collected, and the good answers (sources) whose bodies wait on their connections.
 */
final class DatabaseAttempt {

    private static final List<String> SOURCE_KEY = List.of("X-Backend-Data-Timestamp", "X-Backend-Timestamp",
            "X-Put-Timestamp", "X-Timestamp");

    final DatabaseGetRequest request;
    final int partition;
    final NodeIterator nodes;
    private final boolean newest;
    private final List<Answer> answers = new ArrayList<>();
    private final List<BackendResponse> sources = new ArrayList<>();

    DatabaseAttempt(DatabaseGetRequest request, int partition, NodeIterator nodes, boolean newest) {
        this.request = request;
        this.partition = partition;
        this.nodes = nodes;
        this.newest = newest;
    }

    /** Swift's {@code not float(X-PUT-Timestamp)}: the replica was created but never synced. */
    static boolean unsynced(HttpHeaders headers) {
        String put = headers.getFirst("X-Put-Timestamp");
        if (put == null) {
            return false;
        }
        try {
            return Double.parseDouble(put.strip()) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Swift's {@code source_key}: the newest of the source's timestamps, 0 when it has none. */
    static Timestamp sourceKey(HttpHeaders headers) {
        for (String name : SOURCE_KEY) {
            String value = headers.getFirst(name);
            if (value != null && !value.isEmpty()) {
                Timestamp ts = Timestamp.parseOrNull(value);
                return ts == null ? new Timestamp(0, 0) : ts;
            }
        }
        return new Timestamp(0, 0);
    }

    /** Whether no more nodes need asking: one source is enough unless the newest is wanted. */
    synchronized boolean done() {
        return !newest && !sources.isEmpty();
    }

    synchronized void source(BackendResponse response) {
        sources.add(response);
    }

    synchronized void record(int status, HttpHeaders headers, byte[] body) {
        answers.add(new Answer(status, headers, body));
    }

    /**
     * The newest source (the last added among equals, as Swift's stable sort and {@code pop()}),
     * or null; the others are closed.
     */
    synchronized @Nullable BackendResponse chooseSource() {
        if (sources.isEmpty()) {
            return null;
        }
        List<BackendResponse> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(s -> sourceKey(s.headers())));
        BackendResponse chosen = sorted.remove(sorted.size() - 1);
        sorted.forEach(BackendResponse::dispose);
        return chosen;
    }

    /** Swift's {@code best_response} of the bad answers; 503 without headers when none decides. */
    synchronized Answer best() {
        List<Integer> statuses = answers.stream().map(Answer::status).toList();
        int index = BestResponse.pick(statuses, BestResponse.quorumSize(statuses.size()));
        if (index >= 0) {
            return answers.get(index);
        }
        // Swift's HTTPServiceUnavailable, with swob's default body.
        return new Answer(503, new HttpHeaders(), SwiftStatus.defaultBody(503).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {
    }
}
