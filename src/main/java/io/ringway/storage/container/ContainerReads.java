package io.ringway.storage.container;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.db.BackendHttpException;
import io.ringway.storage.db.ListingBodies;
import io.ringway.storage.db.ListingContentType;
import io.ringway.storage.db.ListingEntry;
import io.ringway.storage.db.ListingQuery;
import io.ringway.storage.db.Metadata;
import io.ringway.storage.db.QueryParams;
import io.ringway.storage.db.Sqlite;
import io.ringway.storage.db.SwiftRequests;
import io.ringway.storage.node.BackendPath;
import io.ringway.swift.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The container server's HEAD and GET: the container's headers, and its object listing. */
final class ContainerReads {

    private final ContainerSettings settings;
    private final Set<Integer> policies;

    ContainerReads(ContainerSettings settings, Set<Integer> policies) {
        this.settings = requireNonNull(settings, "settings");
        this.policies = requireNonNull(policies, "policies");
    }

    /** What one read saw, in one database call. */
    private record Snapshot(@Nullable ContainerInfo info, Metadata metadata, List<ListingEntry<ObjectRecord>> rows) {

        boolean deleted() {
            return info == null || info.isDeleted();
        }
    }

    Mono<ServerResponse> head(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        String contentType = ListingContentType.negotiate(QueryParams.parse(request.uri().getRawQuery()),
                request.headers().firstHeader("Accept"));
        return databases.locate(path)
                .flatMap(file -> Sqlite.onExisting(file, c -> ContainerBroker.isInitialized(c)
                        ? new Snapshot(ContainerBroker.info(c), ContainerBroker.STAT.metadata(c), List.of())
                        : null))
                .defaultIfEmpty(new Snapshot(null, Metadata.empty(), List.of()))
                .flatMap(snapshot -> {
                    Map<String, String> headers = responseHeaders(snapshot.info(), snapshot.deleted());
                    if (snapshot.deleted()) {
                        return BackendHttpException.withHeaders(404, headers).toResponse();
                    }
                    headers.putAll(visibleMetadata(snapshot.metadata()));
                    headers.put("Content-Type", contentType + "; charset=utf-8");
                    headers.put("Last-Modified", lastModified(snapshot.info()));
                    return ServerResponse.status(HttpStatusCode.valueOf(204))
                            .headers(h -> headers.forEach(h::set))
                            .build();
                });
    }

    Mono<ServerResponse> get(ServerRequest request, BackendPath path, ContainerServer.Databases databases) {
        QueryParams params = QueryParams.parse(request.uri().getRawQuery());
        for (String name : List.of("path", "prefix", "delimiter", "marker", "end_marker", "format", "reverse",
                "states", "includes")) {
            params.get(name);
        }
        int limit = SwiftRequests.limit(params, settings.containerListingLimit());
        String contentType = ListingContentType.negotiate(params, request.headers().firstHeader("Accept"));
        boolean shardListing = "shard".equals(
                SwiftRequests.header(request, "X-Backend-Record-Type", "").toLowerCase(Locale.ROOT));
        boolean allowReserved = SwiftRequests.isTrue(request.headers().firstHeader("X-Backend-Allow-Reserved-Names"));
        ListingQuery query = new ListingQuery(limit, params.get("marker", ""), params.get("end_marker"),
                params.get("prefix"), params.get("delimiter"), params.get("path"),
                SwiftRequests.isTrue(params.get("reverse")), allowReserved);
        return databases.locate(path)
                .flatMap(file -> Sqlite.onExisting(file, c -> {
                    if (!ContainerBroker.isInitialized(c)) {
                        return null;
                    }
                    ContainerInfo info = ContainerBroker.info(c);
                    Metadata metadata = ContainerBroker.STAT.metadata(c);
                    if (info.isDeleted() || shardListing) {
                        return new Snapshot(info, metadata, List.of());
                    }
                    Integer requested = PolicyIndexHeader.read(request, policies);
                    int policy = requested == null ? info.storagePolicyIndex() : requested;
                    return new Snapshot(info, metadata, ContainerBroker.listObjects(c, query, policy));
                }))
                .defaultIfEmpty(new Snapshot(null, Metadata.empty(), List.of()))
                .flatMap(snapshot -> listing(request, path, snapshot, contentType, shardListing));
    }

    private Mono<ServerResponse> listing(ServerRequest request, BackendPath path, Snapshot snapshot,
            String contentType, boolean shardListing) {
        Map<String, String> headers = responseHeaders(snapshot.info(), snapshot.deleted());
        if (snapshot.deleted()) {
            return BackendHttpException.withHeaders(404, headers).toResponse();
        }
        ContainerInfo info = requireNonNull(snapshot.info(), "info");
        if (shardListing) {
            headers.put("X-Backend-Record-Type", "shard");
        } else {
            headers.put("X-Backend-Record-Type", "object");
            Integer requested = PolicyIndexHeader.read(request, policies);
            headers.put("X-Backend-Record-Storage-Policy-Index",
                    String.valueOf(requested == null ? info.storagePolicyIndex() : requested));
        }
        headers.putAll(visibleMetadata(snapshot.metadata()));
        byte[] body = ContainerListingBody.render(snapshot.rows(), contentType,
                requireNonNull(path.container(), "container"));
        headers.put("Content-Type", contentType + "; charset=utf-8");
        headers.put("Last-Modified", lastModified(info));
        ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(body.length == 0 ? 204 : 200))
                .headers(h -> headers.forEach(h::set));
        return body.length == 0 ? builder.build() : builder.bodyValue(body);
    }

    /** Swift's {@code gen_resp_headers}: backend headers always, the rest only for a live container. */
    static Map<String, String> responseHeaders(@Nullable ContainerInfo info, boolean deleted) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Backend-Timestamp", internal(info == null ? "0" : info.createdAt()));
        headers.put("X-Backend-Put-Timestamp", internal(info == null ? "0" : info.putTimestamp()));
        headers.put("X-Backend-Delete-Timestamp", internal(info == null ? "0" : info.deleteTimestamp()));
        headers.put("X-Backend-Status-Changed-At", internal(info == null ? "0" : info.statusChangedAt()));
        headers.put("X-Backend-Storage-Policy-Index", String.valueOf(info == null ? 0 : info.storagePolicyIndex()));
        if (!deleted && info != null) {
            headers.put("X-Container-Object-Count", String.valueOf(info.objectCount()));
            headers.put("X-Container-Bytes-Used", String.valueOf(info.bytesUsed()));
            headers.put("X-Timestamp", Timestamp.parse(info.createdAt()).normal());
            headers.put("X-Put-Timestamp", Timestamp.parse(info.putTimestamp()).normal());
            headers.put("X-Backend-Sharding-State", "unsharded");
        }
        return headers;
    }

    /** The stored metadata Swift shows: saved headers and container (sys)meta with a value. */
    private static Map<String, String> visibleMetadata(Metadata metadata) {
        Map<String, String> visible = new LinkedHashMap<>();
        metadata.visible().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (ContainerWrites.SAVED_HEADERS.contains(lower)
                    || (lower.startsWith("x-container-meta-") && lower.length() > 17)
                    || (lower.startsWith("x-container-sysmeta-") && lower.length() > 20)) {
                visible.put(key, value);
            }
        });
        return visible;
    }

    private static String lastModified(@Nullable ContainerInfo info) {
        return ListingBodies.lastModified(Timestamp.parse(requireNonNull(info, "info").putTimestamp()));
    }

    private static String internal(String stored) {
        return Timestamp.parse(stored).internal();
    }
}
