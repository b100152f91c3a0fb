package io.ringway.testing.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 client over a plain socket, one connection per request: it writes exactly the
 * bytes of a {@link RawRequest} and reads the status line, the headers and the body
 * ({@code Content-Length}, chunked, or up to the close), with a read timeout on every read.
 * {@link #open()} gives a connection to drive by hand.
 */
public final class RawHttpClient {

    /** The read timeout of {@link #local(int)}: long enough for a loaded 2-core build machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final String host;
    private final int port;
    private final Duration timeout;

    public RawHttpClient(String host, int port, Duration timeout) {
        this.host = requireNonNull(host, "host");
        this.port = port;
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /** A client of a server on 127.0.0.1. */
    public static RawHttpClient local(int port) {
        return new RawHttpClient("127.0.0.1", port, DEFAULT_TIMEOUT);
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** Opens a connection to drive by hand. */
    public RawConnection open() throws IOException {
        return new RawConnection(host, port, timeout);
    }

    /** Sends the request as its mode says and reads the final response (with any interim ones). */
    public RawResponse exchange(RawRequest request) throws IOException {
        try (RawConnection connection = open()) {
            connection.sendHead(request);
            List<Integer> interim = new ArrayList<>();
            if (request.mode() == RawRequest.Mode.EXPECT_CONTINUE) {
                // Wait for "100 Continue" (or a final answer refusing the body) before sending it.
                RawResponse first = connection.read(request.method());
                if (first.status() != 100) {
                    return first.withInterim(interim);
                }
                interim.add(first.status());
            }
            connection.send(request.body());
            if (request.mode() == RawRequest.Mode.ABORT_AFTER_BODY) {
                return RawResponse.none();
            }
            while (true) {
                RawResponse response = connection.read(request.method());
                if (response.status() >= 200) {
                    return response.withInterim(interim);
                }
                interim.add(response.status());
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete response within " + timeout + " from " + host + ":"
                    + port + " to " + request.describe());
        }
    }

    /** {@code method target} with headers given as name, value pairs, and no body (unchecked I/O). */
    public RawResponse send(String method, String target, String... headers) {
        return send(RawRequest.of(method, target).headers(headers));
    }

    /** {@code method target} with the headers, then a UTF-8 body and its {@code Content-Length}. */
    public RawResponse sendWithBody(String method, String target, String body, String... headers) {
        return send(RawRequest.of(method, target).headers(headers).body(body));
    }

    /** {@link #exchange(RawRequest)} for tests that do not declare {@link IOException}. */
    public RawResponse send(RawRequest request) {
        try {
            return exchange(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
