package io.ringway.storage.container;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.db.SwiftRequests;
import io.ringway.storage.node.BackendPath;
import io.ringway.swift.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container server's {@code UPDATE}: a JSON list of object rows merged at once, as Swift's
 * proxy sends for SLO's asynchronous segment deletes into {@code .expiring_objects}. The body is
 * a bounded RPC document, not data: it is read whole (at most the codec's in-memory limit,
 * 256 KiB by default, else 413), as Swift's {@code json.load} does.
 */
final class ContainerItemsUpdate {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContainerSettings settings;
    private final Clock clock;
    private final Set<Integer> policies;

    ContainerItemsUpdate(ContainerSettings settings, Clock clock, Set<Integer> policies) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.policies = requireNonNull(policies, "policies");
    }

    Mono<ServerResponse> update(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        Timestamp timestamp = SwiftRequests.validTimestamp(request);
        return databases.locate(path)
                .flatMap(file -> {
                    Integer requested = PolicyIndexHeader.read(request, policies);
                    boolean autocreate = ContainerWrites.autocreate(request, path.account(),
                            settings.autoCreateAccountPrefix());
                    return request.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .onErrorMap(DataBufferLimitException.class, e -> new BackendHttpException(413, null))
                            .flatMap(body -> {
                                SqlMerge merge = c -> {
                                    if (!ContainerBroker.isInitialized(c)) {
                                        if (!autocreate) {
                                            throw new BackendHttpException(404, null);
                                        }
                                        if (requested == null) {
                                            throw new BackendHttpException(400,
                                                    "X-Backend-Storage-Policy-Index header is required");
                                        }
                                        ContainerBroker.initialize(c, path.account(),
                                                requireNonNull(path.container(), "container"),
                                                Timestamp.ofMillis(clock.millis()), timestamp.internal(),
                                                requireNonNull(requested, "requested"));
                                        c.commit();
                                    }
                                    for (ObjectUpdate item : parse(body)) {
                                        ContainerBroker.mergeObject(c, item);
                                    }
                                    return Boolean.TRUE;
                                };
                                return autocreate ? Sqlite.onCreating(file, merge::run)
                                        : Sqlite.onExisting(file, merge::run);
                            })
                            .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)));
                })
                .then(new BackendHttpException(202, null).toResponse());
    }

    /** Swift's {@code merge_items} input: dicts of the object table's columns. */
    static List<ObjectUpdate> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw BackendHttpException.plain(400, e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw BackendHttpException.plain(400, "Expecting a JSON list of objects");
        }
        List<ObjectUpdate> items = new ArrayList<>();
        for (JsonNode item : root) {
            String name = text(item, "name");
            String createdAt = text(item, "created_at");
            if (name == null || createdAt == null) {
                throw new BackendHttpException(500, null);
            }
            JsonNode policy = item.get("storage_policy_index");
            JsonNode deleted = item.get("deleted");
            items.add(new ObjectUpdate(new ObjectRecord(name, Timestamp.parse(createdAt).internal(),
                    item.path("size").asLong(0), String.valueOf(text(item, "content_type")),
                    String.valueOf(text(item, "etag")), deleted != null && deleted.asInt(0) == 1,
                    policy == null ? 0 : policy.asInt(0)),
                    emptyToNull(text(item, "ctype_timestamp")), emptyToNull(text(item, "meta_timestamp"))));
        }
        return items;
    }

    private static @Nullable String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The merge on one connection. */
    @FunctionalInterface
    private interface SqlMerge {
        @Nullable Boolean run(java.sql.Connection connection) throws java.sql.SQLException;
    }
}
