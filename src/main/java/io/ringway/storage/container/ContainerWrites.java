package io.ringway.storage.container;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.Metadata;
import io.ringway.storage.db.MetadataHeaders;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.db.SwiftRequests;
import io.ringway.storage.node.BackendPath;
import io.ringway.swift.PythonText;
import io.ringway.swift.Timestamp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The container server's PUT, POST and DELETE, of containers and of object rows. */
final class ContainerWrites {

    /** Swift's {@code save_headers}: stored as metadata besides {@code X-Container-(Sys)Meta-*}. */
    static final Set<String> SAVED_HEADERS = Set.of("x-container-read", "x-container-write", "x-container-sync-key",
            "x-container-sync-to");

    private final ContainerSettings settings;
    private final Clock clock;
    private final AccountUpdates updates;
    private final Set<Integer> policies;

    ContainerWrites(ContainerSettings settings, Clock clock, AccountUpdates updates, Set<Integer> policies) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.updates = requireNonNull(updates, "updates");
        this.policies = requireNonNull(policies, "policies");
    }

    Mono<ServerResponse> put(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        Timestamp timestamp = SwiftRequests.validTimestamp(request);
        validateSyncTo(request);
        return databases.locate(path).flatMap(file -> {
            Integer requested = PolicyIndexHeader.read(request, policies);
            if (path.object() != null) {
                int policy = requested == null ? 0 : requested;
                // Parsed once the container is known to exist, as Swift reads X-Size in put_object.
                Supplier<ObjectUpdate> record = () -> objectUpdate(request, path.object(), timestamp, policy);
                boolean autocreate = autocreate(request, path.account());
                return (autocreate ? Sqlite.onCreating(file, c -> mergeObject(c, path, timestamp, policy, record, true))
                        : Sqlite.onExisting(file, c -> mergeObject(c, path, timestamp, policy, record, false)))
                        .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)))
                        .then(ServerResponse.status(HttpStatusCode.valueOf(201))
                                .header("Content-Type", "text/html; charset=UTF-8")
                                .build());
            }
            int newPolicy = requested != null ? requested
                    : parseDefaultPolicy(request.headers().firstHeader("X-Backend-Storage-Policy-Default"));
            AccountTarget target = accountTarget(request);
            Map<String, Metadata.Item> metadata = MetadataHeaders.collect(request.headers().asHttpHeaders(),
                    "container", SAVED_HEADERS, timestamp.internal());
            return Sqlite.onCreating(file, c -> putContainer(c, path, timestamp.internal(), newPolicy, requested,
                            metadata, target))
                    .flatMap(result -> updateAccount(request, target, result, file)
                            .then(BackendHttpException.withHeaders(result.created() ? 201 : 202,
                                    Map.of(PolicyIndexHeader.NAME,
                                            String.valueOf(result.info().storagePolicyIndex())))
                                    .toResponse()));
        });
    }

    Mono<ServerResponse> post(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        Timestamp timestamp = SwiftRequests.validTimestamp(request);
        validateSyncTo(request);
        Map<String, Metadata.Item> metadata = MetadataHeaders.collect(request.headers().asHttpHeaders(),
                "container", SAVED_HEADERS, timestamp.internal());
        return databases.locate(path)
                .flatMap(file -> Sqlite.onExisting(file, c -> {
                    if (!ContainerBroker.isInitialized(c) || ContainerBroker.info(c).isDeleted()) {
                        return null;
                    }
                    ContainerBroker.STAT.updatePutTimestamp(c, timestamp.internal());
                    // Swift commits the put timestamp before validating the metadata.
                    c.commit();
                    ContainerBroker.updateMetadata(c, metadata, settings);
                    return Boolean.TRUE;
                }))
                .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)))
                .then(new BackendHttpException(204, null).toResponse());
    }

    Mono<ServerResponse> delete(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        Timestamp timestamp = SwiftRequests.validTimestamp(request);
        return databases.locate(path).flatMap(file -> {
            int policy = requireNonNullElse(PolicyIndexHeader.read(request, policies), 0);
            if (path.object() != null) {
                Supplier<ObjectUpdate> tombstone = () -> ObjectUpdate.of(
                        ObjectRecord.tombstone(path.object(), timestamp.internal(), policy));
                boolean autocreate = autocreate(request, path.account());
                return (autocreate
                        ? Sqlite.onCreating(file, c -> mergeObject(c, path, timestamp, policy, tombstone, true))
                        : Sqlite.onExisting(file, c -> mergeObject(c, path, timestamp, policy, tombstone, false)))
                        .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)))
                        .then(new BackendHttpException(204, null).toResponse());
            }
            AccountTarget target = accountTarget(request);
            return Sqlite.onExisting(file, c -> deleteContainer(c, timestamp.internal(), target))
                    .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)))
                    .flatMap(result -> updateAccount(request, target, result, file)
                            .then(new BackendHttpException(result.created() ? 204 : 404, null).toResponse()));
        });
    }

    /** The result of a container write: its info after it, and whether it was created (or existed, for DELETE). */
    record WriteResult(ContainerInfo info, boolean created) {
    }

    private WriteResult putContainer(Connection c, BackendPath path, String timestamp, int newPolicy,
            @Nullable Integer requested, Map<String, Metadata.Item> metadata, AccountTarget target)
            throws SQLException {
        boolean created;
        if (!ContainerBroker.isInitialized(c)) {
            ContainerBroker.initialize(c, path.account(), requireNonNull(path.container(), "container"),
                    Timestamp.ofMillis(clock.millis()), timestamp, newPolicy);
            created = true;
        } else {
            ContainerInfo before = ContainerBroker.info(c);
            boolean recreated = before.isDeleted();
            if (recreated) {
                ContainerBroker.setStoragePolicyIndex(c, newPolicy, timestamp);
            } else if (requested != null && requested != before.storagePolicyIndex()) {
                throw BackendHttpException.withHeaders(409,
                        Map.of(PolicyIndexHeader.NAME, String.valueOf(before.storagePolicyIndex())));
            }
            ContainerBroker.STAT.updatePutTimestamp(c, timestamp);
            if (ContainerBroker.info(c).isDeleted()) {
                c.commit();
                throw new BackendHttpException(409, null);
            }
            if (recreated) {
                ContainerBroker.STAT.updateStatusChangedAt(c, timestamp);
            }
            created = recreated;
        }
        if (!target.partition().isEmpty()) {
            ContainerBroker.saveAccountTarget(c, target);
        }
        // Swift has created or updated the container before it validates the metadata.
        c.commit();
        ContainerBroker.updateMetadata(c, metadata, settings);
        return new WriteResult(ContainerBroker.info(c), created);
    }

    private static @Nullable WriteResult deleteContainer(Connection c, String timestamp, AccountTarget target)
            throws SQLException {
        if (!ContainerBroker.isInitialized(c)) {
            return null;
        }
        ContainerInfo before = ContainerBroker.info(c);
        if (before.objectCount() > 0) {
            throw new BackendHttpException(409, null);
        }
        boolean existed = ContainerInfo.ts(before.putTimestamp()).raw() > 0 && !before.isDeleted();
        ContainerBroker.STAT.markDeleted(c, timestamp);
        ContainerInfo after = ContainerBroker.info(c);
        if (!after.isDeleted()) {
            c.commit();
            throw new BackendHttpException(409, null);
        }
        if (!target.partition().isEmpty()) {
            ContainerBroker.saveAccountTarget(c, target);
        }
        return new WriteResult(after, existed);
    }

    private Boolean mergeObject(Connection c, BackendPath path, Timestamp timestamp, int policy,
            Supplier<ObjectUpdate> record, boolean autocreate) throws SQLException {
        if (!ContainerBroker.isInitialized(c)) {
            if (!autocreate) {
                throw new BackendHttpException(404, null);
            }
            ContainerBroker.initialize(c, path.account(), requireNonNull(path.container(), "container"),
                    Timestamp.ofMillis(clock.millis()), timestamp.internal(), policy);
            c.commit();
        }
        ContainerBroker.mergeObject(c, record.get());
        return Boolean.TRUE;
    }

    /**
     * Swift's {@code account_update}: 400 for mismatched host and device lists, 404 when every
     * account server said 404; other failures are left to the updater.
     */
    private Mono<Void> updateAccount(ServerRequest request, AccountTarget target, WriteResult result, Path file) {
        if (target.mismatched()) {
            return Mono.error(new BackendHttpException(400, null));
        }
        if (target.nodes().isEmpty()) {
            return Mono.empty();
        }
        String transId = SwiftRequests.header(request, "X-Trans-Id", "-");
        String override = "yes".equalsIgnoreCase(request.headers().firstHeader("X-Account-Override-Deleted"))
                ? "yes" : null;
        return updates.send(target, result.info(), transId, override)
                .flatMap(outcome -> {
                    if (outcome.allNotFound()) {
                        return Mono.error(new BackendHttpException(404, null));
                    }
                    if (!outcome.quorum()) {
                        return Mono.empty();
                    }
                    // Recorded so that the updater does not send the same state again.
                    return Sqlite.onExisting(file, c -> {
                        ContainerBroker.reported(c, result.info());
                        return Boolean.TRUE;
                    }).then();
                });
    }

    private ObjectUpdate objectUpdate(ServerRequest request, String name, Timestamp timestamp, int policy) {
        String size = request.headers().firstHeader("X-Size");
        String contentType = request.headers().firstHeader("X-Content-Type");
        String etag = request.headers().firstHeader("X-Etag");
        // Swift's put_object reads these with [] and int(): a request without them, or with a
        // size that is no integer, is a KeyError or ValueError there, a 500. A bad request is the
        // client's error, so it is a 400 here (the node never answers 500 to input).
        for (String[] header : new String[][] {{"X-Size", size}, {"X-Content-Type", contentType}, {"X-Etag", etag}}) {
            if (header[1] == null) {
                throw new BackendHttpException(400, "Missing " + header[0] + " header");
            }
        }
        long bytes;
        try {
            bytes = Long.parseLong(size.strip());
        } catch (NumberFormatException e) {
            throw new BackendHttpException(400, "Invalid X-Size header");
        }
        try {
            // Swift's wsgi_to_str: the row keeps the text the client meant, so a UTF-8 content type
            // is listed as itself, not as one character per byte.
            return new ObjectUpdate(new ObjectRecord(name, timestamp.internal(), bytes,
                    PythonText.wsgiToStr(contentType), PythonText.wsgiToStr(etag), false, policy),
                    optionalTimestamp(request, "X-Content-Type-Timestamp"),
                    optionalTimestamp(request, "X-Meta-Timestamp"));
        } catch (IllegalArgumentException e) {
            throw new BackendHttpException(400, "Invalid X-Content-Type-Timestamp or X-Meta-Timestamp header");
        }
    }

    private void validateSyncTo(ServerRequest request) {
        String syncTo = request.headers().firstHeader("X-Container-Sync-To");
        if (syncTo != null) {
            SyncTo.validate(syncTo, settings.allowedSyncHosts()).ifPresent(error -> {
                throw new BackendHttpException(400, error);
            });
        }
    }

    private static @Nullable String optionalTimestamp(ServerRequest request, String name) {
        String value = request.headers().firstHeader(name);
        return value == null || value.isEmpty() ? null : Timestamp.parse(value).internal();
    }

    private boolean autocreate(ServerRequest request, String account) {
        return autocreate(request, account, settings.autoCreateAccountPrefix());
    }

    /** Swift's {@code _should_autocreate}: the header decides, else the account prefix (never for shards). */
    static boolean autocreate(ServerRequest request, String account, String prefix) {
        String header = request.headers().firstHeader("X-Backend-Auto-Create");
        if (header != null && !header.isEmpty()) {
            return SwiftRequests.isTrue(header);
        }
        if (account.startsWith(prefix + "shards_")) {
            return false;
        }
        return account.startsWith(prefix);
    }

    private static int parseDefaultPolicy(@Nullable String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static AccountTarget accountTarget(ServerRequest request) {
        return new AccountTarget(SwiftRequests.header(request, "X-Account-Host", ""),
                SwiftRequests.header(request, "X-Account-Device", ""),
                SwiftRequests.header(request, "X-Account-Partition", ""));
    }

    private static int requireNonNullElse(@Nullable Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
