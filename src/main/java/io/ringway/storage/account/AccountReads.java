package io.ringway.storage.account;

import static java.util.Objects.requireNonNull;

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
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The account server's HEAD and GET: the account's headers, and its container listing. */
final class AccountReads {

    private final AccountSettings settings;
    private final Map<Integer, String> policyNames;

    AccountReads(AccountSettings settings, Map<Integer, String> policyNames) {
        this.settings = requireNonNull(settings, "settings");
        this.policyNames = requireNonNull(policyNames, "policyNames");
    }

    /** What one read saw, in one database call. */
    private record Snapshot(AccountInfo info, Map<Integer, AccountBroker.PolicyStats> policies, Metadata metadata,
            List<ListingEntry<ContainerRecord>> rows) {
    }

    Mono<ServerResponse> head(ServerRequest request, BackendPath path, AccountServer.Databases databases) {
        String contentType = ListingContentType.negotiate(QueryParams.parse(request.uri().getRawQuery()),
                request.headers().firstHeader("Accept"));
        return read(path, databases, null)
                .flatMap(snapshot -> {
                    Map<String, String> headers = responseHeaders(snapshot);
                    headers.put("Content-Type", contentType + "; charset=utf-8");
                    return ServerResponse.status(HttpStatusCode.valueOf(204))
                            .headers(h -> headers.forEach(h::set))
                            .build();
                });
    }

    Mono<ServerResponse> get(ServerRequest request, BackendPath path, AccountServer.Databases databases) {
        QueryParams params = QueryParams.parse(request.uri().getRawQuery());
        String prefix = params.get("prefix");
        String delimiter = params.get("delimiter");
        boolean reverse = SwiftRequests.isTrue(params.get("reverse"));
        int limit = SwiftRequests.limit(params, settings.accountListingLimit());
        String marker = params.get("marker", "");
        String endMarker = params.get("end_marker");
        String contentType = ListingContentType.negotiate(params, request.headers().firstHeader("Accept"));
        boolean allowReserved = SwiftRequests.isTrue(request.headers().firstHeader("X-Backend-Allow-Reserved-Names"));
        ListingQuery query = new ListingQuery(limit, marker, endMarker, prefix, delimiter, null, reverse,
                allowReserved);
        return read(path, databases, query)
                .flatMap(snapshot -> {
                    Map<String, String> headers = responseHeaders(snapshot);
                    headers.put("Content-Type", contentType + "; charset=utf-8");
                    byte[] body = AccountListingBody.render(snapshot.rows(), contentType, path.account());
                    ServerResponse.BodyBuilder builder = ServerResponse
                            .status(HttpStatusCode.valueOf(body.length == 0 ? 204 : 200))
                            .headers(h -> headers.forEach(h::set));
                    return body.length == 0 ? builder.build() : builder.bodyValue(body);
                });
    }

    private Mono<Snapshot> read(BackendPath path, AccountServer.Databases databases, @Nullable ListingQuery query) {
        return databases.locate(path)
                .flatMap(file -> Sqlite.onExisting(file, c -> {
                    AccountWrites.requireLive(c);
                    return new Snapshot(AccountBroker.info(c), AccountBroker.policyStats(c),
                            AccountBroker.STAT.metadata(c),
                            query == null ? List.of() : AccountBroker.listContainers(c, query));
                }))
                .switchIfEmpty(Mono.error(AccountWrites::notFound));
    }

    /** Swift's {@code get_response_headers}. */
    private Map<String, String> responseHeaders(Snapshot snapshot) {
        AccountInfo info = snapshot.info();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Account-Container-Count", String.valueOf(info.containerCount()));
        headers.put("X-Account-Object-Count", String.valueOf(info.objectCount()));
        headers.put("X-Account-Bytes-Used", String.valueOf(info.bytesUsed()));
        headers.put("X-Timestamp", Timestamp.parse(info.createdAt()).normal());
        headers.put("X-Put-Timestamp", Timestamp.parse(info.putTimestamp()).normal());
        snapshot.policies().forEach((index, stats) -> {
            String name = policyNames.get(index);
            if (name == null) {
                return;
            }
            String prefix = "X-Account-Storage-Policy-" + name + "-";
            headers.put(prefix + "Container-Count", String.valueOf(stats.containerCount()));
            headers.put(prefix + "Object-Count", String.valueOf(stats.objectCount()));
            headers.put(prefix + "Bytes-Used", String.valueOf(stats.bytesUsed()));
        });
        headers.putAll(snapshot.metadata().visible());
        return headers;
    }
}
