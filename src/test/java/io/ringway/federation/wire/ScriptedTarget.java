package io.ringway.federation.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target on loopback whose every connection follows a script, for the client's unit tests: it
 * reads each request whole (a body by its length or its chunks) and lets the script answer,
 * stay silent, or close.
 */
final class ScriptedTarget implements AutoCloseable {

    /** A request as read, and the connection and request numbers (from 1). */
    record Request(int connection, int number, String method, String path, Map<String, String> headers, byte[] body) {
    }

    /** What a connection does with each request. */
    interface Script {

        /** Answers on {@code out}; false to close the connection without answering. */
        boolean answer(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final CopyOnWriteArrayList<Request> requests = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

    ScriptedTarget(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    Origin origin() {
        return Origin.of(false, "127.0.0.1", server.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    CopyOnWriteArrayList<Request> requests() {
        return requests;
    }

    /** A whole answer with {@code body}, kept alive. */
    static void answer(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "scripted-target");
        thread.setDaemon(true);
        thread.start();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                sockets.add(socket);
                int number = connections.incrementAndGet();
                daemon(() -> serve(socket, number));
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int number = 1;; number++) {
                String start = line(in);
                if (start == null) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                String[] parts = start.split(" ");
                Request request = new Request(connection, number, parts[0], parts[1], headers, body(in, headers));
                requests.add(request);
                if (!script.answer(request, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).trim(), 16);
            if (size == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
