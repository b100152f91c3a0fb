package io.ringway.testing.http;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP/1.1 request sent byte for byte as given: nothing is added (no {@code Host}, no
 * {@code Content-Length} unless a helper says so), so tests can send what a well-behaved client
 * would not. {@code {name}} placeholders in the target and header values are filled in per
 * server by {@link #resolve(Map)} (the device, the account).
 *
 * @param method the method, any token ({@code REPLICATE}, {@code SSYNC}, ...)
 * @param target the request target as sent (percent-encoding is the caller's business)
 * @param headers the headers, in order, duplicates allowed
 * @param body the body bytes sent after the headers (already chunk-encoded for chunked requests)
 * @param mode how the body is sent and whether a response is read
 */
public record RawRequest(String method, String target, List<Header> headers, byte[] body, Mode mode) {

    public RawRequest {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
        requireNonNull(mode, "mode");
    }

    public static RawRequest of(String method, String target) {
        return new RawRequest(method, target, List.of(), new byte[0], Mode.NORMAL);
    }

    /** Headers given as name, value, name, value... */
    public RawRequest headers(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers: " + pairs.length + " strings (expected: name, value pairs)");
        }
        RawRequest result = this;
        for (int i = 0; i < pairs.length; i += 2) {
            result = result.header(pairs[i], pairs[i + 1]);
        }
        return result;
    }

    public RawRequest header(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new RawRequest(method, target, more, body, mode);
    }

    /** The body and a matching {@code Content-Length} header. */
    public RawRequest body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return header("Content-Length", Integer.toString(bytes.length)).rawBody(bytes);
    }

    /** Body bytes sent as they are, without touching the headers. */
    public RawRequest rawBody(byte[] bytes) {
        return new RawRequest(method, target, headers, bytes.clone(), mode);
    }

    /** {@code Transfer-Encoding: chunked} and the chunks encoded, ending with the last chunk. */
    public RawRequest chunked(String... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return header("Transfer-Encoding", "chunked").rawBody(out.toByteArray());
    }

    /** Adds {@code Expect: 100-continue} and sends the body only after the interim response. */
    public RawRequest expectContinue() {
        RawRequest withHeader = header("Expect", "100-continue");
        return new RawRequest(method, target, withHeader.headers, body, Mode.EXPECT_CONTINUE);
    }

    /** Sends the head and the body, then closes the connection without reading a response. */
    public RawRequest abortAfterBody() {
        return new RawRequest(method, target, headers, body, Mode.ABORT_AFTER_BODY);
    }

    /** Fills {@code {name}} placeholders in the target and the header values. */
    public RawRequest resolve(Map<String, String> variables) {
        List<Header> resolved = headers.stream()
                .map(h -> new Header(h.name(), fill(h.value(), variables)))
                .toList();
        return new RawRequest(method, fill(target, variables), resolved, body, mode);
    }

    /** The request line and headers, CRLF-terminated, with the blank line. */
    public byte[] head() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One line for failure reports. */
    public String describe() {
        String shown = headers.stream()
                .map(h -> h.name() + ": " + (h.value().length() > 60 ? h.value().substring(0, 57) + "..." : h.value()))
                .collect(Collectors.joining(", ", " [", "]"));
        String sent = body.length == 0 ? "" : " + " + body.length + " body bytes";
        String how = mode == Mode.NORMAL ? "" : " (" + mode.name().toLowerCase(Locale.ROOT) + ")";
        return method + " " + target + (headers.isEmpty() ? "" : shown) + sent + how;
    }

    public static String fill(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }

    /** One header line. */
    public record Header(String name, String value) {
    }

    /** How the client sends the body and whether it reads an answer. */
    public enum Mode {
        NORMAL,
        EXPECT_CONTINUE,
        ABORT_AFTER_BODY
    }
}
