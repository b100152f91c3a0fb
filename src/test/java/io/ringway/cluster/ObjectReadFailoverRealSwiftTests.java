package io.ringway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.node.ServerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An object server killed in the middle of a GET: the proxy resumes on another primary with a
 * {@code Range} from the bytes already sent (Swift's {@code fast_forward}), and the client gets
 * the whole body. Which primary sends is seen, not guessed: while the client reads slowly, the
 * buffers between it and the serving server are full, so that server alone has bytes queued on
 * an established socket ({@code /proc/net/tcp}); it is killed, and one of the other two logs the
 * resumed request as a 206.
 *
 * <p>The other primaries must not have been tried before: the resume takes the next nodes of the
 * same iterator, in Ringway as in Swift ({@code GetOrHeadHandler.node_iter}), so stopping them
 * first to force the choice would leave nothing to resume from when the proxy tried them first.
 */
@ExtendWith(RealCluster.class)
class ObjectReadFailoverRealSwiftTests {

    private static final int SIZE = 64 << 20;
    private static final int READ_BEFORE_KILL = 1 << 20;

    private final AtomicBoolean fast = new AtomicBoolean();

    @ParameterizedTest
    @EnumSource(Side.class)
    void getResumesOnAnotherPrimaryWhenTheServingOneIsKilled(Side side, Cluster cluster) throws Exception {
        Front front = cluster.front(side);
        String c = Names.unique("failover");
        byte[] body = Names.bytes(SIZE, 7);
        front.send("PUT", c);
        assertThat(front.put(c + "/big", body).status()).isEqualTo(201);
        List<Integer> primaries = cluster.primaries(0, c, "big");

        HttpResponse<InputStream> get = front.stream(c + "/big");
        assertThat(get.statusCode()).isEqualTo(200);
        MessageDigest md5 = md5();
        int serving;
        try (InputStream in = new DigestInputStream(get.body(), md5)) {
            assertThat(in.readNBytes(READ_BEFORE_KILL)).hasSize(READ_BEFORE_KILL);
            // Read on while the serving primary is found and killed: a slow client, as in life.
            CompletableFuture<Long> rest = CompletableFuture.supplyAsync(() -> readSlowly(in));
            serving = sending(cluster, primaries);
            cluster.kill(ServerType.OBJECT, serving);
            fast.set(true);
            assertThat(READ_BEFORE_KILL + rest.get(2, TimeUnit.MINUTES)).isEqualTo(SIZE);
        }

        assertThat(HexFormat.of().formatHex(md5.digest())).isEqualTo(Names.md5(body));
        List<Integer> others = primaries.stream().filter(node -> node != serving).toList();
        assertThat(resumedOn(cluster, others, c)).as("206 GETs on nodes %s", others).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void aClientPausingLongerThanRecoverableNodeTimeoutCostsTheNodeNothing(Side side, Cluster cluster)
            throws Exception {
        Front front = cluster.front(side);
        String c = Names.unique("pause");
        byte[] body = Names.bytes(SIZE / 4, 8);
        front.send("PUT", c);
        assertThat(front.put(c + "/big", body).status()).isEqualTo(201);

        HttpResponse<InputStream> get = front.stream(c + "/big");
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(get.body(), md5)) {
            assertThat(in.readNBytes(READ_BEFORE_KILL)).hasSize(READ_BEFORE_KILL);
            // Longer than recoverable_node_timeout (10 s): Swift times its reads from the node,
            // which wait for the client, so the pause is the client's, not the node's.
            Thread.sleep(12_000);
            assertThat(READ_BEFORE_KILL + in.transferTo(OutputStream.nullOutputStream())).isEqualTo(SIZE / 4);
        }

        assertThat(HexFormat.of().formatHex(md5.digest())).isEqualTo(Names.md5(body));
        assertThat(resumedOn(cluster, cluster.primaries(0, c, "big"), c)).as("resumed GETs").isZero();
    }

    /** Reads 64 KiB every 50 ms until {@link #fast}, then the rest at once; the bytes read. */
    private long readSlowly(InputStream in) {
        try {
            long read = 0;
            byte[] chunk = new byte[64 << 10];
            while (!fast.get()) {
                int n = in.readNBytes(chunk, 0, chunk.length);
                read += n;
                if (n < chunk.length) {
                    return read;
                }
                Thread.sleep(50);
            }
            return read + in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one primary with bytes queued to send on an established socket: it is sending the body. */
    private static int sending(Cluster cluster, List<Integer> primaries) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Integer> sending = List.of();
        while (sending.size() != 1 && System.nanoTime() < deadline) {
            // The buffers between the server and the slow client fill up within moments.
            Thread.sleep(100);
            sending = primaries.stream()
                    .filter(node -> TcpTable.queuedToSend(cluster.port(ServerType.OBJECT, node)) > 0)
                    .toList();
        }
        assertThat(sending).as("primaries %s with bytes queued to send", primaries).hasSize(1);
        return sending.get(0);
    }

    /** How many ranged (206) GETs of the container's object the nodes logged. */
    private static long resumedOn(Cluster cluster, List<Integer> nodes, String container) throws IOException {
        long count = 0;
        for (int node : nodes) {
            try (var lines = Files.lines(cluster.log(ServerType.OBJECT, node))) {
                count += lines.filter(line -> line.contains("\"GET /sdb" + node + "/")
                        && line.contains("/" + container + "/big\" 206 ")).count();
            }
        }
        return count;
    }

    private static MessageDigest md5() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("MD5");
    }
}
