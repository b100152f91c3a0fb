package io.ringway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux's table of IPv4 TCP sockets ({@code /proc/net/tcp}), read to see which server is sending
 * a response: its established sockets hold unacknowledged bytes ({@code tx_queue}) while the
 * reader, slowed down by the client, has not taken them.
 */
final class TcpTable {

    private static final String ESTABLISHED = "01";

    private TcpTable() {
    }

    /** The bytes queued for sending on established sockets whose local port is {@code port}. */
    static long queuedToSend(int port) {
        String local = String.format(":%04X", port);
        long queued = 0;
        for (String line : lines()) {
            // sl local_address rem_address st tx_queue:rx_queue ...
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 4 && fields[1].endsWith(local) && fields[3].equals(ESTABLISHED)) {
                queued += Long.parseLong(fields[4].substring(0, fields[4].indexOf(':')), 16);
            }
        }
        return queued;
    }

    private static List<String> lines() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
