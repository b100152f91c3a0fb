package io.ringway.proxy;

import io.ringway.swift.Timestamp;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * The headers of a request to storage nodes, as Swift's {@code generate_request_headers} and
 * {@code transfer_headers} make them: the caller's additional headers, the client's headers a
 * controller passes on, an {@code X-Timestamp}, the transaction id, the proxy's user agent and
 * the client request as {@code Referer} (the nodes log it). Unlike Swift, no
 * {@code Connection: close}: the client pools its connections to the nodes.
 */
public final class BackendHeaders {

    /** What Swift's proxy calls itself to the nodes ({@code backend_user_agent}). */
    public static final String USER_AGENT = "proxy-server " + ProcessHandle.current().pid();

    /** Headers of the client's connection, not of its request: never passed to the nodes. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length",
            "transfer-encoding", "keep-alive", "expect", "upgrade", "te", "trailer", "proxy-connection");

    private BackendHeaders() {
    }

    /**
     * The client's headers as the {@code additional} headers of a GET or HEAD
     * ({@code GETorHEAD_base} passes {@code req.headers}), without those of its connection.
     */
    public static HttpHeaders clientHeaders(HttpHeaders client) {
        HttpHeaders headers = new HttpHeaders();
        client.forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    /**
     * Swift's {@code generate_request_headers}: {@code additional} first, then (when
     * {@code transfer} is given) the client's headers it allows, then the required ones.
     *
     * @param request the client's request
     * @param additional headers of the caller (copied; its {@code X-Timestamp} is kept)
     * @param transfer which client headers to pass ({@link Transfer#NONE} for none)
     */
    public static HttpHeaders generate(ProxyRequest request, HttpHeaders additional, Transfer transfer) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(additional);
        transfer.apply(request.headers(), headers);
        if (!headers.containsHeader("X-Timestamp")) {
            headers.set("X-Timestamp", Timestamp.now().internal());
        }
        String transactionId = request.transactionId();
        if (transactionId != null) {
            headers.set("X-Trans-Id", transactionId);
        }
        headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
        headers.set(HttpHeaders.REFERER, request.method() + " " + request.exchange().getRequest().getURI());
        return headers;
    }

    /**
     * Swift's {@code transfer_headers} for one server type: {@code X-Remove-<Type>-Meta-*} (and the
     * other removal headers) become the header without {@code -Remove} with an empty value; the
     * pass-through headers and the type's user and system metadata are copied.
     *
     * @param serverType {@code account}, {@code container} or {@code object}
     * @param passThrough lower-case names copied as they are (e.g. {@code x-container-read})
     * @param removals lower-case {@code x-remove-...} names that clear a pass-through header
     */
    public record Transfer(String serverType, Set<String> passThrough, Set<String> removals) {

        /** Passes nothing on. */
        public static final Transfer NONE = new Transfer("", Set.of(), Set.of());

        public Transfer {
            serverType = serverType.toLowerCase(Locale.ROOT);
            passThrough = Set.copyOf(passThrough);
            removals = Set.copyOf(removals);
        }

        void apply(HttpHeaders from, HttpHeaders to) {
            if (serverType.isEmpty()) {
                return;
            }
            String remove = "x-remove-" + serverType + "-meta-";
            from.forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith(remove) || removals.contains(lower)) {
                    to.set(lower.replaceFirst("-remove", ""), "");
                }
            });
            from.forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (passThrough.contains(lower) || isSysOrUserMeta(lower)) {
                    to.put(lower, values);
                }
            });
        }

        private boolean isSysOrUserMeta(String lower) {
            return lower.startsWith("x-" + serverType + "-meta-") || lower.startsWith("x-" + serverType + "-sysmeta-");
        }
    }
}
