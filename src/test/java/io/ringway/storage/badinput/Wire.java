package io.ringway.storage.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Writes exact bytes to a server and reads what comes back until the server closes or goes
 * quiet, so that malformed requests (bad lengths, huge request lines, bodies cut off) can be sent
 * as they are. Owned by these tests: the shared raw clients are being reworked elsewhere.
 */
final class Wire {

    private Wire() {
    }

    /** The status of the first response to {@code request}, or {@code 0} when the server closed without one. */
    static Reply send(int port, byte[] request, boolean closeAfterWrite) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (closeAfterWrite) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may refuse the rest of a huge request and close: read what it said
            }
            return Reply.parse(readAll(socket.getInputStream()));
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                out.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // a kept-alive connection stays open: what arrived is the answer
        } catch (IOException e) {
            // reset after the answer (server closed with unread request bytes)
        }
        return out.toByteArray();
    }

    /** The first response: status (0 if none) and its raw text. */
    record Reply(int status, String text) {

        static Reply parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                return new Reply(0, text);
            }
            return new Reply(Integer.parseInt(text.substring(9, 12)), text);
        }

        String firstLine() {
            int end = text.indexOf('\r');
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
