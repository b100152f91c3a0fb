package io.ringway.storage.container;

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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Swift 2.30's container server on {@code /{device}/{partition}/{account}/{container}[/{object}]}:
 * container PUT, HEAD, GET (listings in plain text, JSON and XML), POST and DELETE; object rows
 * PUT and DELETE as object servers send them; and, after a container PUT or DELETE, the update
 * of the account servers named by {@code X-Account-Host}, {@code X-Account-Device} and
 * {@code X-Account-Partition}. Each container is one SQLite database under
 * {@code {device}/containers/}; the {@link ContainerUpdater} reports later changes. Also
 * {@code UPDATE} (a JSON list of object rows, as SLO's asynchronous deletes send).
 *
 * <p>Not implemented: {@code REPLICATE} (405), shard ranges (an empty list), container sync
 * (its headers are validated and stored; no realms are known).
 */
public final class ContainerServer implements BackendServer {

    private static final Logger log = LoggerFactory.getLogger(ContainerServer.class);

    private final DeviceRoot devices;
    private final HashPath hashPath;
    private final ContainerWrites writes;
    private final ContainerSettings settings;
    private final ContainerReads reads;
    private final ContainerItemsUpdate itemsUpdate;

    /** A server for a cluster with only storage policy 0. */
    public ContainerServer(DeviceRoot devices, HashPath hashPath, ContainerSettings settings, Clock clock,
            HttpClient httpClient) {
        this(devices, hashPath, settings, clock, httpClient, Set.of(0));
    }

    /**
     * @param policyIndexes the storage policy indexes of {@code swift.conf}; others are refused with 400
     * @param httpClient the client for account updates (timeouts come from {@code settings})
     */
    public ContainerServer(DeviceRoot devices, HashPath hashPath, ContainerSettings settings, Clock clock,
            HttpClient httpClient, Set<Integer> policyIndexes) {
        this.devices = requireNonNull(devices, "devices");
        this.hashPath = requireNonNull(hashPath, "hashPath");
        this.settings = requireNonNull(settings, "settings");
        requireNonNull(clock, "clock");
        AccountUpdates updates = new AccountUpdates(requireNonNull(httpClient, "httpClient"), settings);
        Set<Integer> policies = Set.copyOf(policyIndexes);
        this.writes = new ContainerWrites(settings, clock, updates, policies);
        this.reads = new ContainerReads(settings, policies);
        this.itemsUpdate = new ContainerItemsUpdate(settings, clock, policies);
    }

    @Override
    public ServerType type() {
        return ServerType.CONTAINER;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return DatabaseServers.answer(request, () -> dispatch(request), log);
    }

    private Mono<ServerResponse> dispatch(ServerRequest request) {
        String rawPath = request.uri().getRawPath();
        SwiftRequests.checkPathUtf8(rawPath);
        String method = request.method().name();
        return switch (method) {
            case "PUT" -> writes.put(request, parse(rawPath, 5), this::database);
            case "DELETE" -> writes.delete(request, parse(rawPath, 5), this::database);
            case "POST" -> writes.post(request, parse(rawPath, 4), this::database);
            case "HEAD" -> reads.head(request, parse(rawPath, 5), this::database);
            case "GET" -> reads.get(request, parse(rawPath, 5), this::database);
            case "UPDATE" -> itemsUpdate.update(request, parse(rawPath, 4), this::database);
            default -> new BackendHttpException(405, null).toResponse();
        };
    }

    private BackendPath parse(String rawPath, int maxSegments) {
        BackendPath path;
        try {
            path = BackendPath.parse(rawPath, 4, maxSegments, maxSegments == 5);
        } catch (InvalidBackendPathException e) {
            throw BackendHttpException.plain(400, e.getMessage());
        }
        ReservedNames.validate(path, settings.autoCreateAccountPrefix());
        return path;
    }

    /** The container's database file, or 507 when the device is not there (checked off the event loop). */
    Mono<Path> database(BackendPath path) {
        String container = requireNonNull(path.container(), "container");
        return DatabaseServers.locate(devices, ServerType.CONTAINER, path, hashPath.hex(path.account(), container, null));
    }

    /** Locates a container's database for a parsed path. */
    @FunctionalInterface
    interface Databases {
        Mono<Path> locate(BackendPath path);
    }

}
