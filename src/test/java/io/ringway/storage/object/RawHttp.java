package io.ringway.storage.object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP/1.1 client over a socket, so that tests control every byte: partial bodies,
 * {@code Expect: 100-continue}, chunked encoding, closing early. Each exchange uses its own
 * connection with {@code Connection: close}.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** One request with {@code Content-Length} set from the body (unless headers set it), and its response. */
    static Response exchange(int port, String method, String path, Map<String, String> headers, byte @Nullable [] body)
            throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (body != null && all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Length")
                    || k.equalsIgnoreCase("Transfer-Encoding"))) {
                all.put("Content-Length", String.valueOf(body.length));
            }
            http.sendHead(method, path, all);
            if (body != null) {
                http.send(body);
            }
            return http.readResponse(!method.equals("HEAD"));
        }
    }

    void sendHead(String method, String path, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        send(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one response: status line, headers and, when {@code withBody}, a body by Content-Length or to EOF. */
    Response readResponse(boolean withBody) throws IOException {
        String status = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        byte[] body = new byte[0];
        if (withBody && code != 100 && code != 204 && code != 304) {
            String length = headers.get("content-length");
            body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        }
        return new Response(code, headers, body);
    }

    /** Whether the server closed the connection (EOF) within the socket timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    void setTimeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c < 0 && line.size() == 0) {
            throw new IOException("connection closed before a response line");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response; header names in lower case. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
