package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.BackendPath;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.swift.HashPath;
import java.nio.file.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * One object request, parsed as Swift's {@code get_obj_name_and_placement}: the path's device,
 * partition, account, container and object, and the storage policy of
 * {@code X-Backend-Storage-Policy-Index}.
 *
 * @param request the request
 * @param path the parsed path
 * @param policyIndex the storage policy index
 */
record ObjectContext(ServerRequest request, BackendPath path, int policyIndex) {

    ObjectContext {
        requireNonNull(request, "request");
        requireNonNull(path, "path");
    }

    /** Parses path and policy; a bad one throws the answer Swift gives (400, 412 or 503). */
    static ObjectContext parse(ServerRequest request) {
        String rawPath = request.exchange().getRequest().getURI().getRawPath();
        BackendPath path = BackendPath.parse(rawPath, 5, 5, true);
        if (rawPath.contains("%00") || (path.object() != null && path.object().indexOf('\0') >= 0)) {
            throw ObjectRequestException.plain(412, "Invalid UTF8 or contains NULL");
        }
        return new ObjectContext(request, path, policyIndex(request.headers().asHttpHeaders()));
    }

    HttpHeaders headers() {
        return request.headers().asHttpHeaders();
    }

    String method() {
        return request.method().name();
    }

    /**
     * The object's location on its device, or a 507 when the device is not there. Blocks on the
     * file system.
     */
    ObjectLocation locate(DeviceRoot devices, HashPath hashPath) {
        Path device = devices.device(path.device())
                .orElseThrow(() -> new InsufficientStorageException(path.device()));
        String container = requireNonNull(path.container(), "container");
        String object = requireNonNull(path.object(), "object");
        return new ObjectLocation(device, policyIndex, path.partition(),
                hashPath.hex(path.account(), container, object), path.account(), container, object);
    }

    /** Swift's {@code request.as_referer()}: {@code METHOD url}. */
    String referer() {
        return method() + " " + request.exchange().getRequest().getURI();
    }

    private static int policyIndex(HttpHeaders headers) {
        String value = headers.getFirst("X-Backend-Storage-Policy-Index");
        if (value == null) {
            return 0;
        }
        Long index = ObjectConstraints.pythonInt(value);
        if (index == null || index < 0 || index > Integer.MAX_VALUE) {
            throw ObjectRequestException.plain(503, "No policy with index " + value);
        }
        return index.intValue();
    }
}
