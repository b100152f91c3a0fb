package io.ringway.middleware.proxylogging;

import io.ringway.swift.PythonText;
import io.ringway.middleware.RequestContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * The fields of one access log line, computed as Swift's {@code log_request} does: the client
 * address from {@code X-Cluster-Client-Ip} or {@code X-Forwarded-For}, the path as swob's
 * {@code path_qs} (quoted again by the formatter), tokens cut, request headers when configured,
 * the policy index of the response or else of the request.
 */
final class AccessLogValues {

    private static final long PID = ProcessHandle.current().pid();

    private final Sensitive sensitive;
    private final boolean logHeaders;
    private final List<String> headersOnly;

    AccessLogValues(ProxyLoggingConfig config) {
        this.sensitive = new Sensitive(config.revealSensitivePrefix());
        this.logHeaders = config.accessLogHeaders();
        this.headersOnly = config.accessLogHeadersOnly().stream()
                .map(PythonText::title)
                .toList();
    }

    /** What the template may show for this finished request. */
    Map<String, @Nullable Object> of(ServerHttpRequest request, RequestContext context, AccessTally tally,
            int status, int wireStatus, Instant end) {
        HttpHeaders headers = request.getHeaders();
        String remoteAddr = remoteAddr(request);
        String path = PythonText.quote(PythonText.unquoteToBytes(request.getURI().getRawPath()), "/");
        String query = request.getURI().getRawQuery();
        String pathQs = query == null || query.isEmpty() ? path : path + "?" + sensitive.query(query);
        String method = request.getMethod().name();
        double start = seconds(tally.start());
        Instant firstByte = tally.firstByteTime();
        String policyIndex = tally.responsePolicyIndex();
        // Sized for the 28 fields without a resize.
        Map<String, @Nullable Object> values = new HashMap<>(64);
        values.put("client_ip", clientIp(headers, remoteAddr));
        values.put("remote_addr", remoteAddr);
        values.put("domain", domain(request));
        values.put("path", pathQs);
        values.put("referer", headers.getFirst(HttpHeaders.REFERER));
        values.put("user_agent", headers.getFirst(HttpHeaders.USER_AGENT));
        values.put("headers", logHeaders ? headers(headers) : null);
        values.put("client_etag", headers.getFirst(HttpHeaders.ETAG));
        putPathParts(values, path);
        values.put("method", method);
        values.put("protocol", protocol(request));
        values.put("status_int", status);
        values.put("wire_status_int", wireStatus);
        values.put("auth_token", sensitive.obscure(headers.getFirst("X-Auth-Token")));
        values.put("bytes_recvd", tally.received());
        values.put("bytes_sent", tally.sent());
        values.put("transaction_id", context.transactionId());
        values.put("request_time", PythonText.fixed(seconds(end) - start, 4));
        values.put("source", context.swiftSource());
        values.put("log_info", String.join(",", context.logInfo()));
        values.put("start_time", start);
        values.put("end_time", seconds(end));
        values.put("policy_index", policyIndex != null ? policyIndex : headers.getFirst(CountingResponse.POLICY_INDEX));
        // Swift measures time to first byte for GET only.
        values.put("ttfb", "GET".equals(method) && firstByte != null ? seconds(firstByte) - start : 0.0);
        values.put("pid", PID);
        return values;
    }

    // time.time()'s float
    static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static @Nullable String remoteAddr(ServerHttpRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        if (address == null) {
            return null;
        }
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet6Address) {
            return compressed(ip.getHostAddress());
        }
        return ip != null ? ip.getHostAddress() : address.getHostString();
    }

    // Java writes 0:0:0:0:0:0:0:1 where Swift (the socket module) writes ::1 (RFC 5952).
    static String compressed(String ipv6) {
        int percent = ipv6.indexOf('%');
        String scope = percent < 0 ? "" : ipv6.substring(percent);
        String[] groups = (percent < 0 ? ipv6 : ipv6.substring(0, percent)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return ipv6;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }

    private static @Nullable String clientIp(HttpHeaders headers, @Nullable String remoteAddr) {
        String client = headers.getFirst("X-Cluster-Client-Ip");
        String forwarded = headers.getFirst("X-Forwarded-For");
        if ((client == null || client.isEmpty()) && forwarded != null) {
            client = forwarded.split(",", -1)[0].strip();
        }
        return client == null || client.isEmpty() ? remoteAddr : client;
    }

    private static @Nullable String domain(ServerHttpRequest request) {
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null) {
            host = request.getURI().getHost();
        }
        if (host != null && host.indexOf(':') >= 0) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return host;
    }

    // swob's req.headers: title-cased names, repeated headers joined by commas, tokens cut.
    private String headers(HttpHeaders headers) {
        return headers.headerSet().stream()
                .map(entry -> Map.entry(PythonText.title(entry.getKey()), String.join(",", entry.getValue())))
                .filter(entry -> headersOnly.isEmpty() || headersOnly.contains(entry.getKey()))
                .map(entry -> entry.getKey() + ": "
                        + (Sensitive.isHeader(entry.getKey()) ? sensitive.obscure(entry.getValue()) : entry.getValue()))
                .collect(Collectors.joining("\n"));
    }

    // split_path(path, 1, 4, True) of a /v1/ path; an invalid one shows no names.
    private static void putPathParts(Map<String, @Nullable Object> values, String path) {
        if (!path.startsWith("/v1/")) {
            return;
        }
        String[] segments = path.split("/", 5);
        values.put("account", segments.length > 2 ? segments[2] : null);
        values.put("container", segments.length > 3 ? segments[3] : null);
        values.put("object", segments.length > 4 ? segments[4] : null);
    }

    private static String protocol(ServerHttpRequest request) {
        try {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
            if (nativeRequest instanceof reactor.netty.http.server.HttpServerRequest netty) {
                return netty.version().text();
            }
        } catch (RuntimeException e) {
            // a request without a native one (a test double): assume HTTP/1.1
        }
        return "HTTP/1.1";
    }

    static String methodTag(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "PUT", "POST", "DELETE", "COPY", "OPTIONS" -> method.toUpperCase(Locale.ROOT);
            default -> "OTHER";
        };
    }
}
