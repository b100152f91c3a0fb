package io.ringway.storage.account;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.DatabaseServers;
import io.ringway.storage.db.ReservedNames;
import io.ringway.storage.db.SwiftRequests;
import io.ringway.storage.node.BackendPath;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.InvalidBackendPathException;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.HashPath;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Swift 2.30's account server on {@code /{device}/{partition}/{account}[/{container}]}: account
 * PUT, HEAD, GET (container listings in plain text, JSON and XML), POST and DELETE, and the
 * container rows container servers send with {@code PUT /{device}/{partition}/{account}/{container}}.
 * Each account is one SQLite database under {@code {device}/accounts/}.
 *
 * <p>Not implemented: {@code REPLICATE} (405).
 */
public final class AccountServer implements BackendServer {

    private static final Logger log = LoggerFactory.getLogger(AccountServer.class);

    private final DeviceRoot devices;
    private final HashPath hashPath;
    private final AccountWrites writes;
    private final AccountReads reads;
    private final String autoCreateAccountPrefix;

    /**
     * @param policyNames storage policy index to name, as in {@code swift.conf}: they name the
     *     {@code X-Account-Storage-Policy-<Name>-*} headers (stats of unknown indexes are not shown)
     */
    public AccountServer(DeviceRoot devices, HashPath hashPath, AccountSettings settings, Clock clock,
            Map<Integer, String> policyNames) {
        this.devices = requireNonNull(devices, "devices");
        this.hashPath = requireNonNull(hashPath, "hashPath");
        this.autoCreateAccountPrefix = requireNonNull(settings, "settings").autoCreateAccountPrefix();
        this.writes = new AccountWrites(settings, requireNonNull(clock, "clock"));
        this.reads = new AccountReads(settings, Map.copyOf(policyNames));
    }

    @Override
    public ServerType type() {
        return ServerType.ACCOUNT;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return DatabaseServers.answer(request, () -> dispatch(request), log);
    }

    private Mono<ServerResponse> dispatch(ServerRequest request) {
        String rawPath = request.uri().getRawPath();
        SwiftRequests.checkPathUtf8(rawPath);
        return switch (request.method().name()) {
            case "PUT" -> writes.put(request, parse(rawPath, 4), this::database);
            case "DELETE" -> writes.delete(request, parse(rawPath, 3), this::database);
            case "POST" -> writes.post(request, parse(rawPath, 3), this::database);
            case "HEAD" -> reads.head(request, parse(rawPath, 3), this::database);
            case "GET" -> reads.get(request, parse(rawPath, 3), this::database);
            default -> new BackendHttpException(405, null).toResponse();
        };
    }

    private BackendPath parse(String rawPath, int maxSegments) {
        BackendPath path;
        try {
            path = BackendPath.parse(rawPath, 3, maxSegments, false);
        } catch (InvalidBackendPathException e) {
            throw BackendHttpException.plain(400, e.getMessage());
        }
        ReservedNames.validate(path, autoCreateAccountPrefix);
        return path;
    }

    /** The account's database file, or 507 when the device is not there (checked off the event loop). */
    private Mono<Path> database(BackendPath path) {
        return DatabaseServers.locate(devices, ServerType.ACCOUNT, path, hashPath.hex(path.account(), null, null));
    }

    /** Locates an account's database for a parsed path. */
    @FunctionalInterface
    interface Databases {
        Mono<Path> locate(BackendPath path);
    }
}
