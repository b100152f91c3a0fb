package io.ringway.testing.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server for unit tests of HTTP clients (this package's and the conformance
 * tier's): one request per connection, the request recorded byte for byte, the answer scripted
 * as raw bytes, the connection then closed.
 */
public final class FakeHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Function<Received, String> responder;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FakeHttpServer(Function<Received, String> responder) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.responder = responder;
        this.acceptor = new Thread(this::acceptLoop, "fake-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                serve(connection);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void serve(Socket connection) throws IOException {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        String head = readHead(in);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\nexpect: 100-continue\r\n")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        if (lower.contains("\r\ntransfer-encoding: chunked\r\n")) {
            body = readUntil(in, "0\r\n\r\n");
        } else {
            int length = contentLength(lower);
            body = in.readNBytes(length);
        }
        Received request = new Received(head, new String(body, StandardCharsets.UTF_8));
        received.add(request);
        out.write(responder.apply(request).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static int contentLength(String lowerHead) {
        for (String line : lowerHead.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static String readHead(InputStream in) throws IOException {
        return new String(readUntil(in, "\r\n\r\n"), StandardCharsets.UTF_8);
    }

    private static byte[] readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] terminator = end.getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            bytes.write(b);
            if (endsWith(bytes.toByteArray(), terminator)) {
                break;
            }
        }
        return bytes.toByteArray();
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        if (bytes.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * One request as received.
     *
     * @param head the request line and headers, with the blank line
     * @param body the body as received (still chunk-encoded when it was)
     */
    public record Received(String head, String body) {

        public String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }
}
