package io.ringway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/** Shows that BlockHound, installed for every test JVM, catches a blocking call on an event loop. */
class BlockHoundTests {

    @AfterEach
    void forgetTheCallsProvokedHere() {
        // BlockingCallExtension would fail this class for the blocking it provokes on purpose
        assertThat(BlockingCalls.drain()).isNotEmpty();
    }

    @Test
    void sleepingOnANettyEventLoopFailsWithBlockingOperationError() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    try {
                        Thread.sleep(1);
                    } catch (Throwable error) {
                        seen.set(error);
                    }
                    return response.status(204).send();
                })
                .bindNow();
        try {
            HttpClient.create()
                    .get()
                    .uri("http://127.0.0.1:" + server.port() + "/")
                    .response()
                    .block(Duration.ofSeconds(10));
        } finally {
            server.disposeNow();
        }
        assertThat(seen.get())
                .isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("java.lang.Thread.sleep");
    }

    @Test
    void blockingInsideAReactorParallelSchedulerFails() {
        Throwable error = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return 1;
                })
                .subscribeOn(reactor.core.scheduler.Schedulers.parallel())
                .materialize()
                .block(Duration.ofSeconds(10))
                .getThrowable();
        assertThat(error).isInstanceOf(BlockingOperationError.class);
    }
}
