package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.info.RingwayVersion;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.HashPath;
import java.time.Clock;
import java.util.Set;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Swift 2.30's object server ({@code swift.obj.server.ObjectController}) for replicated storage
 * policies: {@code GET}, {@code HEAD}, {@code PUT}, {@code POST} and {@code DELETE} on
 * {@code /device/partition/account/container/object}, the policy chosen by
 * {@code X-Backend-Storage-Policy-Index}. Objects live in Swift's directory layout under each
 * device; see {@link DataFileFormat} for where metadata goes instead of xattrs. After each
 * change the container servers named by the proxy are updated, and updates that fail are saved
 * for the {@link ObjectUpdater}.
 *
 * <p>Not implemented: {@code REPLICATE} and {@code SSYNC} (405), erasure-coded policies and the
 * multiphase-commit MIME PUT, and the expirer queue updates for {@code X-Delete-At}.
 */
public final class ObjectServer implements BackendServer {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE");

    private final ObjectRead read;
    private final ObjectPut put;
    private final ObjectPost post;
    private final ObjectDelete delete;
    private final Set<Integer> policyIndexes;

    /**
     * @param devices the node's devices directory
     * @param hashPath swift.conf's hash path prefix and suffix
     * @param settings the object server's options
     * @param clock the time for requests without {@code X-Timestamp} and for reclaiming tombstones
     * @param httpClient the client for container updates (timeouts are applied from {@code settings})
     */
    public ObjectServer(DeviceRoot devices, HashPath hashPath, ObjectServerSettings settings, Clock clock,
            HttpClient httpClient) {
        this(devices, hashPath, settings, clock, httpClient, Set.of(0));
    }

    /**
     * @param policyIndexes the storage policy indexes of swift.conf; requests for others get 503
     */
    public ObjectServer(DeviceRoot devices, HashPath hashPath, ObjectServerSettings settings, Clock clock,
            HttpClient httpClient, Set<Integer> policyIndexes) {
        this.policyIndexes = Set.copyOf(policyIndexes);
        ObjectServices services = new ObjectServices(
                requireNonNull(devices, "devices"),
                requireNonNull(hashPath, "hashPath"),
                requireNonNull(settings, "settings"),
                requireNonNull(clock, "clock"),
                new ObjectDiskFiles(clock, settings.reclaimAge()),
                new ContainerUpdates(
                        new ContainerUpdateClient(requireNonNull(httpClient, "httpClient"),
                                settings.connTimeout(), settings.nodeTimeout()),
                        settings.containerUpdateTimeout()));
        this.read = new ObjectRead(services);
        this.put = new ObjectPut(services);
        this.post = new ObjectPost(services);
        this.delete = new ObjectDelete(services);
    }

    @Override
    public ServerType type() {
        return ServerType.OBJECT;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        String method = request.method().name();
        String path = request.exchange().getRequest().getURI().getRawPath();
        return Mono.defer(() -> dispatch(method, request))
                .onErrorResume(error -> ObjectResponses.error(error, method, path));
    }

    private Mono<ServerResponse> dispatch(String method, ServerRequest request) {
        // Swift checks the path's UTF-8 first, before even the method.
        if (!ObjectContext.isUtf8(request.exchange().getRequest().getURI().getRawPath())) {
            return ObjectResponses.answer(412, "Invalid UTF8 or contains NULL", true, java.util.Map.of());
        }
        if (method.equals("OPTIONS")) {
            // swift.common.base_storage_server's OPTIONS, which every storage server answers
            return ObjectResponses.withText(ServerResponse.ok()
                    .header("Content-Type", ObjectResponses.HTML)
                    .header("Allow", "DELETE, GET, HEAD, OPTIONS, POST, PUT, REPLICATE, SSYNC")
                    .header("Server", "object-server/" + RingwayVersion.SWIFT_RELEASE), "");
        }
        if (!METHODS.contains(method)) {
            return ObjectResponses.answer(405, "", false, java.util.Map.of());
        }
        ObjectContext context = ObjectContext.parse(request, policyIndexes);
        return switch (method) {
            case "GET", "HEAD" -> read.handle(context);
            case "PUT" -> put.handle(context);
            case "POST" -> post.handle(context);
            default -> delete.handle(context);
        };
    }
}
