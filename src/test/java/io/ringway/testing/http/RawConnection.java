package io.ringway.testing.http;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One open HTTP/1.1 connection a test drives step by step: send a request head, some body bytes,
 * half-close, read a response (interim or final), check whether the server closed. For tests of
 * what a server does mid-request (a client that stops sending, {@code 100 Continue} before the
 * body); whole exchanges go through {@link RawHttpClient#exchange(RawRequest)}.
 */
public final class RawConnection implements AutoCloseable {

    private static final int MAX_LINE = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(String host, int port, Duration timeout) throws IOException {
        requireNonNull(host, "host");
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Writes the request line and headers (not the body). */
    public RawConnection sendHead(RawRequest request) throws IOException {
        return send(request.head());
    }

    /** Writes bytes as they are. */
    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response, interim or final: no body for 1xx, 204, 304 or an answer to HEAD. */
    public RawResponse read(String method) throws IOException {
        StatusLine line = readStatusLine();
        RawHeaders headers = readHeaders();
        byte[] body = line.status() < 200 ? new byte[0] : readBody(method, line.status(), headers);
        return new RawResponse(line.status(), line.reason(), headers, body, List.of());
    }

    /** Reads a response's status line and headers only, leaving its body to {@link #readBytes(int)}. */
    public RawResponse readHead() throws IOException {
        StatusLine line = readStatusLine();
        return new RawResponse(line.status(), line.reason(), readHeaders(), new byte[0], List.of());
    }

    /** Reads exactly {@code count} bytes (part of a body whose head {@link #readHead()} read). */
    public byte[] readBytes(int count) throws IOException {
        return readExactly(count);
    }

    /** Half-closes the connection: the server reads end of stream. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Changes the read timeout. */
    public void timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Whether the server closed the connection (end of stream, or reset) within the read timeout. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private byte[] readBody(String method, int status, RawHeaders headers) throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return new byte[0];
        }
        String encoding = headers.first("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        String length = headers.first("Content-Length");
        if (length != null) {
            return readExactly(Long.parseLong(length.trim()));
        }
        return in.readAllBytes();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                // Trailers, if any, up to the blank line.
                while (!readLine().isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length < length) {
            throw new EOFException("body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private StatusLine readStatusLine() throws IOException {
        String line = readLine();
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + line);
        }
        return new StatusLine(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    private RawHeaders readHeaders() throws IOException {
        RawHeaders headers = new RawHeaders();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** One line without its CRLF (or bare LF); header bytes are taken as UTF-8, as Swift sends them. */
    private String readLine() throws IOException {
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
