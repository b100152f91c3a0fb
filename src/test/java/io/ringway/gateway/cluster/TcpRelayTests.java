package io.ringway.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay the fault tests break nodes with: it relays, refuses, cuts and stalls as told. */
class TcpRelayTests {

    private static final int SIZE = 300_000;
    private static final byte[] RESPONSE = new byte[SIZE];

    static {
        new Random(1).nextBytes(RESPONSE);
    }

    private ServerSocket target;
    private TcpRelay relay;

    @BeforeEach
    void start() throws IOException {
        // The server behind: each connection gets RESPONSE once the client sent a byte.
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!target.isClosed()) {
                try (Socket socket = target.accept()) {
                    if (socket.getInputStream().read() >= 0) {
                        socket.getOutputStream().write(RESPONSE);
                    }
                } catch (IOException closedOrReset) {
                    // The next connection, or the end of the test.
                }
            }
        }, "relay-test-target");
        server.setDaemon(true);
        server.start();
        relay = TcpRelay.to("test", target.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        target.close();
    }

    @Test
    void relaysTheResponseWhole() throws IOException {
        assertThat(exchange()).isEqualTo(RESPONSE);
        assertThat(relay.accepted()).isEqualTo(1);
    }

    @Test
    void refusesConnectionsUntilHealed() throws IOException {
        relay.refuse();

        assertThatThrownBy(this::exchange).isInstanceOf(ConnectException.class);
        relay.heal();
        assertThat(exchange()).isEqualTo(RESPONSE);
    }

    @Test
    void cutsEachResponseAfterTheGivenBytes() throws IOException {
        relay.cutResponsesAfter(100_000);

        try (Socket socket = connect()) {
            socket.getOutputStream().write('x');
            byte[] received = readUntilEnd(socket.getInputStream());
            assertThat(received).hasSize(100_000);
        }
    }

    @Test
    void stallsEachResponseAfterTheGivenBytesUntilHealed() throws IOException {
        relay.stallResponsesAfter(100_000);

        try (Socket socket = connect()) {
            socket.getOutputStream().write('x');
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(100_000);
            socket.setSoTimeout(500);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            relay.heal();
            socket.setSoTimeout(5_000);
            byte[] rest = in.readAllBytes();
            assertThat(first.length + rest.length).isEqualTo(SIZE);
        }
    }

    private byte[] exchange() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write('x');
            return socket.getInputStream().readNBytes(SIZE);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Reads until the end of the stream or a reset. */
    private static byte[] readUntilEnd(InputStream in) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // A reset ends the stream as a killed server's would.
        }
        return out.toByteArray();
    }
}
