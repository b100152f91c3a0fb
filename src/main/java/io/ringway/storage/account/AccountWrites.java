package io.ringway.storage.account;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.Metadata;
import io.ringway.storage.db.MetadataHeaders;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.db.SwiftRequests;
import io.ringway.storage.node.BackendPath;
import io.ringway.swift.Timestamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The account server's PUT (of accounts and of container rows), POST and DELETE. */
final class AccountWrites {

    private static final Map<String, String> STATUS_DELETED = Map.of("X-Account-Status", "Deleted");

    private final AccountSettings settings;
    private final Clock clock;

    AccountWrites(AccountSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    Mono<ServerResponse> put(ServerRequest request, BackendPath path, AccountServer.Databases databases) {
        return databases.locate(path).flatMap(file -> {
            if (path.container() != null) {
                return putContainer(request, path, file);
            }
            Timestamp timestamp = SwiftRequests.validTimestamp(request);
            Map<String, Metadata.Item> metadata = metadata(request, timestamp);
            return Sqlite.onCreating(file, c -> {
                        boolean created;
                        if (!AccountBroker.isInitialized(c)) {
                            AccountBroker.initialize(c, path.account(), now(), timestamp.internal());
                            created = true;
                        } else if (AccountBroker.info(c).isStatusDeleted()) {
                            throw BackendHttpException.charsetUtf8(403, STATUS_DELETED, "Recently deleted");
                        } else {
                            created = AccountBroker.info(c).isDeleted();
                            AccountBroker.STAT.updatePutTimestamp(c, timestamp.internal());
                            if (AccountBroker.info(c).isDeleted()) {
                                c.commit();
                                throw new BackendHttpException(409, null);
                            }
                        }
                        c.commit();
                        updateMetadata(c, metadata);
                        return created;
                    })
                    .flatMap(created -> created
                            ? new BackendHttpException(201, null).toResponse()
                            : new BackendHttpException(202, null).toResponse());
        });
    }

    Mono<ServerResponse> post(ServerRequest request, BackendPath path, AccountServer.Databases databases) {
        Timestamp timestamp = SwiftRequests.validTimestamp(request);
        Map<String, Metadata.Item> metadata = metadata(request, timestamp);
        return databases.locate(path)
                .flatMap(file -> Sqlite.onExisting(file, c -> {
                    requireLive(c);
                    updateMetadata(c, metadata);
                    return Boolean.TRUE;
                }))
                .switchIfEmpty(Mono.error(AccountWrites::notFound))
                .then(new BackendHttpException(204, null).toResponse());
    }

    Mono<ServerResponse> delete(ServerRequest request, BackendPath path, AccountServer.Databases databases) {
        return databases.locate(path)
                .flatMap(file -> {
                    Timestamp timestamp = SwiftRequests.validTimestamp(request);
                    return Sqlite.onExisting(file, c -> {
                        requireLive(c);
                        AccountBroker.STAT.markDeleted(c, timestamp.internal());
                        return AccountBroker.info(c).isStatusDeleted();
                    });
                })
                .switchIfEmpty(Mono.error(AccountWrites::notFound))
                .flatMap(statusDeleted -> BackendHttpException.charsetUtf8(204,
                        statusDeleted ? STATUS_DELETED : Map.of(), "").toResponse());
    }

    /** A container server's report of one container ({@code PUT /dev/part/account/container}). */
    private Mono<ServerResponse> putContainer(ServerRequest request, BackendPath path, java.nio.file.Path file) {
        String stamp = request.headers().firstHeader("X-Timestamp");
        Timestamp timestamp = stamp == null ? now() : SwiftRequests.validTimestamp(request);
        String put = request.headers().firstHeader("X-Put-Timestamp");
        String delete = request.headers().firstHeader("X-Delete-Timestamp");
        String objects = request.headers().firstHeader("X-Object-Count");
        String bytes = request.headers().firstHeader("X-Bytes-Used");
        if (put == null || delete == null || objects == null || bytes == null) {
            // Swift's KeyError: a 500 from its __call__.
            throw new BackendHttpException(500, null);
        }
        ContainerRecord record = new ContainerRecord(requireNonNull(path.container(), "container"),
                Timestamp.parse(put).internal(), Timestamp.parse(delete).internal(), parseLong(objects),
                parseLong(bytes), false, (int) parseLong(SwiftRequests.header(request,
                        "X-Backend-Storage-Policy-Index", "0")));
        boolean override = "yes".equalsIgnoreCase(request.headers().firstHeader("X-Account-Override-Deleted"));
        boolean autocreate = path.account().startsWith(settings.autoCreateAccountPrefix());
        SqlWork work = c -> {
            if (!AccountBroker.isInitialized(c)) {
                if (!autocreate) {
                    return null;
                }
                AccountBroker.initialize(c, path.account(), now(), timestamp.internal());
            }
            if (!override && AccountBroker.info(c).isDeleted()) {
                return null;
            }
            AccountBroker.putContainer(c, record);
            return Boolean.TRUE;
        };
        return (autocreate ? Sqlite.onCreating(file, work::run) : Sqlite.onExisting(file, work::run))
                .switchIfEmpty(Mono.error(() -> new BackendHttpException(404, null)))
                // Swift compares the header strings, not the timestamps.
                .then(new BackendHttpException(delete.compareTo(put) > 0 ? 204 : 201, null).toResponse());
    }

    /** An account database step that may find nothing to do. */
    @FunctionalInterface
    private interface SqlWork {
        @Nullable Boolean run(Connection connection) throws SQLException;
    }

    /** Swift's {@code is_deleted} check with its {@code _deleted_response}. */
    static void requireLive(Connection c) throws SQLException {
        if (!AccountBroker.isInitialized(c)) {
            throw notFound();
        }
        AccountInfo info = AccountBroker.info(c);
        if (info.isDeleted()) {
            throw BackendHttpException.charsetUtf8(404, info.isStatusDeleted() ? STATUS_DELETED : Map.of(), "");
        }
    }

    /** A missing account: Swift's {@code _deleted_response} with an empty body. */
    static BackendHttpException notFound() {
        return BackendHttpException.charsetUtf8(404, Map.of(), "");
    }

    private void updateMetadata(Connection c, Map<String, Metadata.Item> metadata) throws SQLException {
        AccountBroker.STAT.updateMetadata(c, metadata, settings.maxMetaCount(), settings.maxMetaOverallSize());
    }

    private static Map<String, Metadata.Item> metadata(ServerRequest request, Timestamp timestamp) {
        return MetadataHeaders.collect(request.headers().asHttpHeaders(), "account", Set.of(), timestamp.internal());
    }

    private Timestamp now() {
        return Timestamp.ofMillis(clock.millis());
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BackendHttpException(500, null);
        }
    }
}
