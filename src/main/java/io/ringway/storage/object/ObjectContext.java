package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.BackendPath;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.swift.HashPath;
import java.nio.file.Path;
import java.util.Set;
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

    /** Swift's {@code RESERVED}: the first character of reserved-namespace names. */
    private static final String RESERVED = "\0";

    ObjectContext {
        requireNonNull(request, "request");
        requireNonNull(path, "path");
    }

    /**
     * Parses path and policy; a bad one throws the answer Swift gives (400, 412 or 503).
     *
     * @param policyIndexes the storage policies of swift.conf; others get 503 as in Swift
     */
    static ObjectContext parse(ServerRequest request, Set<Integer> policyIndexes) {
        String rawPath = request.exchange().getRequest().getURI().getRawPath();
        BackendPath path = BackendPath.parse(rawPath, 5, 5, true);
        validateInternalNames(path);
        return new ObjectContext(request, path, policyIndex(request.headers().asHttpHeaders(), policyIndexes));
    }

    /**
     * Swift's {@code validate_internal_obj}: names in the reserved namespace start with NUL, and a
     * reserved object lives only in a reserved container (except in auto-created accounts).
     */
    static void validateInternalNames(BackendPath path) {
        String container = requireNonNull(path.container(), "container");
        String object = requireNonNull(path.object(), "object");
        validateReserved(path.account(), "account");
        validateReserved(container, "container");
        if (path.account().startsWith(".")) {
            return;
        }
        validateReserved(object, "object");
        boolean reservedContainer = container.startsWith(RESERVED);
        boolean reservedObject = object.startsWith(RESERVED);
        if (reservedContainer && !reservedObject) {
            throw ObjectRequestException.withHtml(400, "Invalid user-namespace object in reserved-namespace container");
        }
        if (reservedObject && !reservedContainer) {
            throw ObjectRequestException.withHtml(400, "Invalid reserved-namespace object in user-namespace container");
        }
    }

    private static void validateReserved(String name, String type) {
        if (name.contains(RESERVED) && !name.startsWith(RESERVED)) {
            throw ObjectRequestException.withHtml(400, "Invalid reserved-namespace " + type);
        }
    }

    /** Swift's {@code check_utf8(path, internal=True)}: the percent-decoded path is valid UTF-8 (NUL allowed). */
    static boolean isUtf8(String rawPath) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()
                    && Character.digit(rawPath.charAt(i + 1), 16) >= 0 && Character.digit(rawPath.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
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

    private static int policyIndex(HttpHeaders headers, Set<Integer> policyIndexes) {
        String value = headers.getFirst("X-Backend-Storage-Policy-Index");
        if (value == null) {
            return 0;
        }
        Long index = ObjectConstraints.pythonInt(value);
        if (index == null || index < 0 || index > Integer.MAX_VALUE || !policyIndexes.contains(index.intValue())) {
            throw ObjectRequestException.plain(503, "No policy with index " + value);
        }
        return index.intValue();
    }
}
