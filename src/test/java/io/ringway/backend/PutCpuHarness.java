package io.ringway.backend;

import io.netty.buffer.PooledByteBufAllocator;
import io.ringway.ring.Device;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.swift.Timestamp;
import io.ringway.testing.storage.TestNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Not a test: a main that measures the CPU the gateway side of a big PUT costs, on a busy shared
 * machine where wall time means little. A Reactor Netty server (as WebFlux's: the body is
 * {@code receive().retain()} wrapped in NettyDataBuffers) hands the body to {@link ObjectPut},
 * which fans it out to three object-server stand-ins: plain blocking-socket threads that answer
 * {@code 100 Continue}, discard the body and answer 201. A blocking-socket client thread sends the
 * body in 256 KiB writes. The gateway's CPU is that of every JVM thread except the sinks' and the
 * client's (ThreadMXBean; JIT and GC threads are not Java threads and not counted).
 *
 * <p>Run: {@code ./mvnw -o -q test-compile}, then {@code java -cp target/classes:target/test-classes:$CP
 * io.ringway.backend.PutCpuHarness [MiB per PUT, default 1024] [rounds, default 3]}.
 */
final class PutCpuHarness {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    private static final AtomicLong SINK_CHUNKS = new AtomicLong();

    private PutCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            devices.add(Device.of(i, 1, i + 1, "127.0.0.1", sink(i), "sda1", 100));
        }
        Ring ring = new Ring(RingBuilder.build(devices, 4, 3, RingBuilder.DEFAULT_SEED), TestNode.HASH_PATH);
        BackendSettings settings = BackendSettings.defaults();
        StorageNodeClient client = new StorageNodeClient(settings);
        ObjectPut put = new ObjectPut(new StorageNodes(client, new NodeHealth(settings, Clock.systemUTC()),
                new NodeTimings(settings, Clock.systemUTC()), new Random(1)));
        AtomicLong chunks = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set("X-Timestamp", Timestamp.ofMillis(System.currentTimeMillis()).internal());
                    headers.set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
                    long length = Long.parseLong(request.requestHeaders().get("Content-Length"));
                    ObjectPutRequest put1 = new ObjectPutRequest(ring, 0, StorageCluster.NAME, headers, length, null,
                            request.receive()
                                    .retain()
                                    .doOnNext(b -> {
                                        chunks.incrementAndGet();
                                        bytes.addAndGet(b.readableBytes());
                                    })
                                    .map(BUFFERS::wrap),
                            false);
                    return put.put(put1)
                            .flatMap(answer -> response.status(answer.status())
                                    .header("Content-Length", "0")
                                    .send()
                                    .then());
                })
                .bindNow();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round <= rounds; round++) {
            long size = round == 0 ? Math.min(mib, 256) << 20 : mib << 20;
            chunks.set(0);
            bytes.set(0);
            SINK_CHUNKS.set(0);
            Map<String, Long> before = cpu(threads);
            long process = os.getProcessCpuTime();
            long wall = System.nanoTime();
            String status = send(server.port(), size);
            wall = System.nanoTime() - wall;
            process = os.getProcessCpuTime() - process;
            Map<String, Long> after = cpu(threads);
            long gateway = 0;
            long others = 0;
            for (Map.Entry<String, Long> e : after.entrySet()) {
                long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (e.getKey().startsWith("sink-") || e.getKey().startsWith("client")) {
                    others += delta;
                } else {
                    gateway += delta;
                }
            }
            double gib = size / (double) (1L << 30);
            System.out.printf(Locale.ROOT, "%s %d MiB: %s, wall %.1f s, gateway threads %.2f s CPU (%.2f s/GiB),"
                            + " sinks+client %.2f s, whole process %.2f s; %d client chunks (avg %d B)%n",
                    round == 0 ? "warm-up" : "round " + round, size >> 20, status, wall / 1e9, gateway / 1e9,
                    gateway / 1e9 / gib, others / 1e9, process / 1e9, chunks.get(),
                    chunks.get() == 0 ? 0 : bytes.get() / chunks.get());
        }
        server.disposeNow();
        System.exit(0);
    }

    /** CPU nanoseconds per live thread, keyed by name and id. */
    private static Map<String, Long> cpu(ThreadMXBean threads) {
        Map<String, Long> result = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long time = threads.getThreadCpuTime(id);
            if (info != null && time >= 0) {
                result.put(info.getThreadName() + "#" + id, time);
            }
        }
        return result;
    }

    /** Sends a PUT of {@code size} bytes and returns the status line. */
    private static String send(int port, long size) throws IOException {
        Thread current = Thread.currentThread();
        String name = current.getName();
        current.setName("client");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/AUTH_test/c/o HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[256 * 1024];
            new Random(7).nextBytes(block);
            for (long sent = 0; sent < size; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - sent));
            }
            out.flush();
            return head(socket.getInputStream()).lines().findFirst().orElse("(no answer)");
        } finally {
            current.setName(name);
        }
    }

    /** Starts object-server stand-in {@code index} and returns its port. */
    private static int sink(int index) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = listener.accept();
                    Thread worker = new Thread(() -> discard(socket), "sink-" + index + "-conn");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "sink-" + index);
        acceptor.setDaemon(true);
        acceptor.start();
        return listener.getLocalPort();
    }

    private static void discard(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            long length = -1;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IllegalStateException("no Content-Length: " + head);
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[256 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
                SINK_CHUNKS.incrementAndGet();
            }
            out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nETag: d41d8cd98f00b204e9800998ecf8427e\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.read();
        } catch (IOException e) {
            // The gateway closed the connection: this sink is done.
        }
    }

    /** Reads an HTTP head up to the blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
