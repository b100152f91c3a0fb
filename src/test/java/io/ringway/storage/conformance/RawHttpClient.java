package io.ringway.storage.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client over a plain socket, one connection per request: it writes exactly the
 * bytes of a {@link RawRequest} and reads the status line, the headers and the body
 * ({@code Content-Length}, chunked, or up to the close), with a read timeout on every read.
 */
final class RawHttpClient {

    private static final int MAX_LINE = 64 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    RawHttpClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    RawResponse exchange(RawRequest request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(request.head());
            out.flush();
            List<Integer> interim = new ArrayList<>();
            if (request.mode() == RawRequest.Mode.EXPECT_CONTINUE) {
                // Wait for "100 Continue" (or a final answer refusing the body) before sending it.
                StatusLine first = readStatusLine(in);
                RawHeaders headers = readHeaders(in);
                if (first.status() != 100) {
                    return finish(request, in, first, headers, interim);
                }
                interim.add(first.status());
            }
            out.write(request.body());
            out.flush();
            if (request.mode() == RawRequest.Mode.ABORT_AFTER_BODY) {
                return RawResponse.none();
            }
            while (true) {
                StatusLine line = readStatusLine(in);
                RawHeaders headers = readHeaders(in);
                if (line.status() >= 200) {
                    return finish(request, in, line, headers, interim);
                }
                interim.add(line.status());
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete response within " + timeout + " from " + host + ":"
                    + port + " to " + request.describe());
        }
    }

    private static RawResponse finish(RawRequest request, InputStream in, StatusLine line, RawHeaders headers,
            List<Integer> interim) throws IOException {
        byte[] body = readBody(request, in, line.status(), headers);
        return new RawResponse(line.status(), line.reason(), headers, body, List.copyOf(interim));
    }

    private static byte[] readBody(RawRequest request, InputStream in, int status, RawHeaders headers)
            throws IOException {
        if (request.method().equals("HEAD") || status == 204 || status == 304) {
            return new byte[0];
        }
        String encoding = headers.first("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = headers.first("Content-Length");
        if (length != null) {
            return readExactly(in, Long.parseLong(length.trim()));
        }
        return in.readAllBytes();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                // Trailers, if any, up to the blank line.
                while (!readLine(in).isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(in, size));
            readLine(in);
        }
    }

    private static byte[] readExactly(InputStream in, long length) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length < length) {
            throw new EOFException("body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static StatusLine readStatusLine(InputStream in) throws IOException {
        String line = readLine(in);
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + line);
        }
        return new StatusLine(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    private static RawHeaders readHeaders(InputStream in) throws IOException {
        RawHeaders headers = new RawHeaders();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** One line without its CRLF (or bare LF); header bytes are taken as UTF-8, as Swift sends them. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed mid-line after: " + line.toString(StandardCharsets.UTF_8));
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private record StatusLine(int status, String reason) {
    }
}
