package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.gateway.cluster.TcpRelay;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;

/** What the fault tests of every kind of target do to a target behind a {@link TcpRelay}. */
final class TargetFaults {

    private TargetFaults() {
    }

    /**
     * Runs {@code request} (a GET through the gateway) while the relay cuts the target's answer
     * after {@code afterBytes}; the relay heals once it cut one, so the gateway's resume gets through.
     */
    static <T> T cutOnce(TcpRelay relay, long afterBytes, Callable<T> request) throws Exception {
        int cutsBefore = relay.cuts();
        relay.cutResponsesAfter(afterBytes);
        Thread healer = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (relay.cuts() == cutsBefore && System.nanoTime() < deadline) {
                sleep(1);
            }
            relay.heal();
        });
        healer.start();
        T response = request.call();
        healer.join();
        assertThat(relay.cuts()).as("the relay cut the target's answer").isGreaterThan(cutsBefore);
        return response;
    }

    /** A request body of {@code size} random bytes that calls {@code die} once {@code dieAfter} were read. */
    static InputStream dyingBody(long size, long dieAfter, Runnable die) {
        return new InputStream() {
            private final Random random = new Random(3);
            private long sent;
            private boolean killed;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                if (!killed && sent >= dieAfter) {
                    killed = true;
                    die.run();
                }
                int n = (int) Math.min(Math.min(length, 64 * 1024), size - sent);
                byte[] bytes = new byte[n];
                random.nextBytes(bytes);
                System.arraycopy(bytes, 0, buffer, offset, n);
                sent += n;
                return n;
            }
        };
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
