package io.ringway.gateway.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A TCP relay on a loopback port in front of one storage server, the port the rings name, so a
 * test can break the server as a network or a dying process would: refuse connections, cut every
 * response after some bytes (a node killed mid-body), or stop forwarding responses after some
 * bytes (a stalled node; zero bytes stalls before the headers). Faults count the bytes a
 * connection relays from the server after the fault was set, so pooled keep-alive connections
 * are affected as new ones are.
 *
 * <p>Plain blocking sockets on their own daemon threads (two per connection): no event loop is
 * involved, so BlockHound has nothing to say, and the relay's timing is independent of the
 * gateway's.
 */
public final class TcpRelay implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final String name;
    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong responseBytes = new AtomicLong();
    private final AtomicLong requestBytes = new AtomicLong();
    private final AtomicInteger cuts = new AtomicInteger();
    private final java.util.Deque<String> events = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile Fault fault = Fault.NONE;
    private volatile @Nullable ServerSocket listener;
    private volatile @Nullable Thread acceptor;

    private TcpRelay(String name, int targetPort) throws IOException {
        this.name = name;
        this.targetPort = targetPort;
        ServerSocket socket = bind(0);
        this.port = socket.getLocalPort();
        listen(socket);
    }

    /** A relay on a free loopback port to {@code 127.0.0.1:targetPort}. */
    public static TcpRelay to(String name, int targetPort) throws IOException {
        return new TcpRelay(name, targetPort);
    }

    /** The relay's own port (the one in the rings). */
    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Bytes relayed from the server to clients so far, on every connection. */
    public long responseBytes() {
        return responseBytes.get();
    }

    /** Bytes relayed from clients to the server so far, on every connection. */
    public long requestBytes() {
        return requestBytes.get();
    }

    /** Connections cut by {@link #cutResponsesAfter(long)} so far. */
    public int cuts() {
        return cuts.get();
    }

    /** Connections open now (client side still connected through the relay). */
    public int open() {
        return links.size();
    }

    /** Stops listening and drops every open connection: the server is down (connection refused). */
    public synchronized void refuse() {
        ServerSocket socket = listener;
        listener = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Thread running = acceptor;
        if (running != null) {
            // The JDK closes a listening socket whose accept() is blocked only once that thread
            // has woken up: until then the kernel still completes connections, and the thread may
            // even accept one. Wait for it, then reset every link, late ones included.
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acceptor = null;
        }
        event("refusing, resetting " + links.size());
        links.forEach(Link::reset);
        // Nothing else may answer on the port now: another process that took it would make the
        // test's "node down" a lie (the rings still name this port).
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            throw new IllegalStateException(this + ": port " + port + " still accepts connections after refuse()");
        } catch (IOException refused) {
            // Connection refused, as wanted.
        }
    }

    /** Every response is cut (connection reset) once {@code bytes} more of it were relayed. */
    public void cutResponsesAfter(long bytes) {
        arm(new Fault(Fault.Kind.CUT, bytes));
    }

    /** Responses stop flowing (the connection stays open) once {@code bytes} more were relayed. */
    public void stallResponsesAfter(long bytes) {
        arm(new Fault(Fault.Kind.STALL, bytes));
    }

    /** Relays everything again, listening again if refused; stalled connections resume. */
    public synchronized void heal() {
        fault = Fault.NONE;
        if (listener == null) {
            try {
                listen(bind(port));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + port + " again", e);
            }
        }
        links.forEach(Link::wake);
    }

    @Override
    public synchronized void close() {
        fault = Fault.NONE;
        refuse();
    }

    @Override
    public String toString() {
        return "relay " + name + " :" + port + " -> :" + targetPort + " (" + (listener == null ? "refusing" : "listening")
                + ", accepted " + accepted + ", open " + links.size() + ", " + fault + ")";
    }

    private void event(String what) {
        events.addLast(java.time.LocalTime.now() + " " + what);
        while (events.size() > 12) {
            events.pollFirst();
        }
    }

    /** The last events (accepts, request lines, refusals), for failure messages. */
    public String history() {
        return String.join("\n    ", events);
    }

    private void arm(Fault newFault) {
        // Bytes count from now on every connection, idle pooled ones included.
        links.forEach(Link::markFault);
        fault = newFault;
        links.forEach(Link::wake);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        return socket;
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread thread = new Thread(() -> acceptLoop(socket), name + "-accept");
        thread.setDaemon(true);
        acceptor = thread;
        thread.start();
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.incrementAndGet();
            try {
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                event("accepted from :" + client.getPort());
                if (listener != socket) {
                    // Refused while this connection was being set up: it missed refuse()'s reset.
                    link.reset();
                    continue;
                }
                link.start();
            } catch (IOException refused) {
                // The server behind is down: so is the relay's connection.
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted.
        }
    }

    /** What the relay does to responses. */
    private record Fault(Kind kind, long afterBytes) {

        static final Fault NONE = new Fault(Kind.NONE, Long.MAX_VALUE);

        enum Kind {
            NONE, CUT, STALL
        }
    }

    /** One client connection and its connection to the server, pumped by two threads. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private volatile boolean closed;
        // Bytes relayed from the server so far, and their count when the current fault was set.
        private long down;
        private long faultBase;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            Thread up = new Thread(this::pumpUp, name + "-up");
            Thread downPump = new Thread(this::pumpDown, name + "-down");
            up.setDaemon(true);
            downPump.setDaemon(true);
            up.start();
            downPump.start();
        }

        synchronized void markFault() {
            faultBase = down;
        }

        synchronized void wake() {
            notifyAll();
        }

        /** Closes both sides with a reset, as a killed process's kernel would. */
        void reset() {
            closed = true;
            try {
                client.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // Already closed.
            }
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
            wake();
        }

        private void close() {
            closed = true;
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
            wake();
        }

        private void pumpUp() {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (read > 3 && Character.isUpperCase(buffer[0]) && Character.isUpperCase(buffer[1])) {
                        String head = new String(buffer, 0, Math.min(read, 60), java.nio.charset.StandardCharsets.ISO_8859_1);
                        event(":" + client.getPort() + " " + head.substring(0, Math.max(0, head.indexOf('\r'))));
                    }
                    out.write(buffer, 0, read);
                    requestBytes.addAndGet(read);
                }
            } catch (IOException ignored) {
                // Either side closed.
            } finally {
                close();
            }
        }

        private void pumpDown() {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                while (!closed) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        return;
                    }
                    // Gate the write, not the read: a fault set while this read waited still applies.
                    int written = 0;
                    while (written < read) {
                        int allowed = awaitAllowance();
                        if (allowed < 0) {
                            return;
                        }
                        int chunk = Math.min(read - written, allowed);
                        out.write(buffer, written, chunk);
                        written += chunk;
                        synchronized (this) {
                            down += chunk;
                        }
                        responseBytes.addAndGet(chunk);
                    }
                }
            } catch (IOException ignored) {
                // Either side closed.
            } finally {
                close();
            }
        }

        /** How many bytes may be relayed now; waits while stalled, -1 when cut or closed. */
        private synchronized int awaitAllowance() {
            while (!closed) {
                Fault current = fault;
                long left = current.afterBytes() == Long.MAX_VALUE
                        ? Long.MAX_VALUE
                        : faultBase + current.afterBytes() - down;
                if (left > 0) {
                    return (int) Math.min(left, BUFFER);
                }
                if (current.kind() == Fault.Kind.CUT) {
                    cuts.incrementAndGet();
                    reset();
                    return -1;
                }
                try {
                    // Stalled: a heal, another fault or the closing of the link wakes us.
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return -1;
        }
    }
}
