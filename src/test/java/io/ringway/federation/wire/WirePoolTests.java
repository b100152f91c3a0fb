package io.ringway.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.ringway.backend.LoopTimers;
import io.ringway.federation.RemoteResponse;
import io.ringway.federation.TargetUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/** The client's own behaviour against a scripted target on loopback. */
class WirePoolTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ScriptedTarget target;
    private WirePool pool;

    @AfterEach
    void close() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aConnectionAnsweredInFullCarriesTheNextRequest() throws IOException {
        target = new ScriptedTarget((request, out) -> {
            ScriptedTarget.answer(out, 200, "answer " + request.number());
            return true;
        });
        pool = pool(4, TIMEOUT);

        assertThat(text(get("/a"))).isEqualTo("answer 1");
        assertThat(text(get("/b"))).isEqualTo("answer 2");

        assertThat(target.connections()).isEqualTo(1);
        assertThat(target.requests()).extracting(ScriptedTarget.Request::path).containsExactly("/a", "/b");
        assertThat(target.requests().get(0).headers()).containsEntry("host", target.origin().hostHeader());
    }

    @Test
    void aKeptConnectionTheTargetClosedWithoutAnsweringIsReplacedForARequestWithoutBody() throws IOException {
        target = new ScriptedTarget((request, out) -> {
            if (request.number() == 2) {
                return false;
            }
            ScriptedTarget.answer(out, 200, "on connection " + request.connection());
            return true;
        });
        pool = pool(4, TIMEOUT);

        assertThat(text(get("/a"))).isEqualTo("on connection 1");
        assertThat(text(get("/b"))).isEqualTo("on connection 2");
        assertThat(target.requests()).extracting(ScriptedTarget.Request::path).containsExactly("/a", "/b", "/b");
    }

    @Test
    void noAnswerWithinTheTimeoutFailsAsTheTargetBeingUnavailable() throws IOException {
        target = new ScriptedTarget((request, out) -> {
            sleep(3_000);
            return false;
        });
        pool = pool(4, TIMEOUT);

        long start = System.nanoTime();
        assertThatThrownBy(() -> pool.exchange(target.origin(), head("GET", "/slow"), null, Duration.ofMillis(300), "GET /slow")
                .block(TIMEOUT))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aBodyWithoutLengthGoesChunkedAndOneWithItAsItIs() throws IOException {
        target = new ScriptedTarget((request, out) -> {
            ScriptedTarget.answer(out, 201, request.headers().getOrDefault("transfer-encoding", "length") + " "
                    + new String(request.body(), StandardCharsets.UTF_8));
            return true;
        });
        pool = pool(4, TIMEOUT);

        HttpHeaders chunked = headers("PUT");
        RemoteResponse first = pool.exchange(target.origin(), new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
                "/o", chunked.set("Transfer-Encoding", "chunked")), parts("ab", "cd", "e"), TIMEOUT, "PUT /o").block(TIMEOUT);
        assertThat(first.status()).isEqualTo(201);
        assertThat(text(first)).isEqualTo("chunked abcde");

        RemoteResponse second = pool.exchange(target.origin(), new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
                "/o", headers("PUT").set("Content-Length", "3")), parts("x", "yz"), TIMEOUT, "PUT /o").block(TIMEOUT);
        assertThat(text(second)).isEqualTo("length xyz");
        assertThat(target.connections()).isEqualTo(1);
    }

    @Test
    void theAnswerIsReadOnlyAsFastAsItsReaderAsks() throws Exception {
        int size = 256 * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        target = new ScriptedTarget((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            for (int sent = 0; sent < size; sent += block.length) {
                out.write(block);
                written.addAndGet(block.length);
            }
            out.flush();
            return true;
        });
        pool = pool(4, TIMEOUT);

        RemoteResponse response = get("/big");
        CountDownLatch first = new CountDownLatch(1);
        BaseSubscriber<DataBuffer> reader = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(DataBuffer buffer) {
                DataBufferUtils.release(buffer);
                first.countDown();
            }
        };
        response.body().subscribe(reader);
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        sleep(500);
        // What the socket buffers hold, far from all: the client did not read on its own.
        assertThat(written.get()).isLessThan(size / 4);
        reader.dispose();
    }

    @Test
    void whenAllConnectionsAreInUseARequestWaitsForOneWithinTheAcquireTimeout() throws IOException {
        target = new ScriptedTarget((request, out) -> {
            if (request.path().equals("/held")) {
                // Half the body, the rest later: the connection stays with its answer until then.
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sleep(1_500);
                out.write("67890".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
            ScriptedTarget.answer(out, 200, request.path());
            return true;
        });
        pool = pool(1, Duration.ofMillis(1_000));

        RemoteResponse held = get("/held");
        assertThatThrownBy(() -> get("/waiting"))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("no connection free within 1000 ms");

        // Waits for the held answer's end (its connection is the only one), then goes on it.
        RemoteResponse next = pool.exchange(target.origin(), head("GET", "/next"), null, TIMEOUT, "GET /next")
                .doOnSubscribe(s -> held.drain().subscribe())
                .block(TIMEOUT);
        assertThat(text(next)).isEqualTo("/next");
        assertThat(target.connections()).isEqualTo(1);
    }

    private WirePool pool(int maxConnections, Duration acquireTimeout) {
        TcpClient tcp = TcpClient.create(ConnectionProvider.newConnection())
                .runOn(HttpResources.get())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000);
        return new WirePool("t", tcp, null, maxConnections, acquireTimeout, Duration.ofSeconds(20), new LoopTimers());
    }

    private RemoteResponse get(String path) {
        return pool.exchange(target.origin(), head("GET", path), null, TIMEOUT, "GET " + path).block(TIMEOUT);
    }

    private HttpRequest head(String method, String path) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), path, Unpooled.EMPTY_BUFFER,
                headers(method), EmptyHttpHeaders.INSTANCE);
    }

    private HttpHeaders headers(String method) {
        return new DefaultHttpHeaders().set("Host", target.origin().hostHeader());
    }

    private static Flux<ByteBuf> parts(String... parts) {
        return Flux.fromArray(parts).map(part -> Unpooled.copiedBuffer(part, StandardCharsets.UTF_8));
    }

    private static String text(RemoteResponse response) {
        return DataBufferUtils.join(response.body())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .block(TIMEOUT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
