package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.ringway.backend.LoopTimers;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * One HTTP exchange with a target, whatever its API: the answer's headers must arrive within
 * {@code responseTimeout} of the request being sent (for a request with a body, of the body's
 * end), else it fails with {@link TargetUnavailableException}; the body stays on the connection
 * for the {@link RemoteResponse}'s reader.
 */
public final class TargetHttp {

    private final String target;
    private final HttpClient http;
    private final Duration responseTimeout;
    private final LoopTimers timers = new LoopTimers();

    public TargetHttp(String target, HttpClient http, Duration responseTimeout) {
        this.target = requireNonNull(target, "target");
        this.http = requireNonNull(http, "http");
        this.responseTimeout = requireNonNull(responseTimeout, "responseTimeout");
    }

    /** The client, for exchanges that read their whole (small) answer at once. */
    public HttpClient client() {
        return http;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * Sends {@code method} to {@code url} (already encoded) with the headers {@code headers} sets
     * and {@code body} (null: none); {@code what} names the request in failures.
     */
    public Mono<RemoteResponse> send(String method, String url, Consumer<io.netty.handler.codec.http.HttpHeaders> headers,
            @Nullable Flux<ByteBuf> body, String what) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> sent = Sinks.empty();
            HttpClient.RequestSender sender = http.headers(headers)
                    .request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
                    .uri(url);
            HttpClient.ResponseReceiver<?> receiver = sender;
            if (body != null) {
                receiver = sender.send(body.doOnComplete(sent::tryEmitEmpty));
            } else {
                sent.tryEmitEmpty();
            }
            return receiver.responseConnection((response, connection) -> {
                        HttpHeaders answer = new HttpHeaders();
                        response.responseHeaders().forEach(e -> answer.add(e.getKey(), e.getValue()));
                        return Mono.just(RemoteResponse.onConnection(response.status().code(), answer, connection,
                                responseTimeout, timers.of(connection.channel())));
                    })
                    .next()
                    // The answer's clock starts once the request is sent, body and all.
                    .timeout(sent.asMono().then(Mono.delay(responseTimeout, timers.current())),
                            Mono.error(() -> new TargetUnavailableException("target " + target + ": " + what
                                    + ": no answer within " + responseTimeout.toMillis() + " ms")))
                    .doOnDiscard(RemoteResponse.class, RemoteResponse::dispose);
        });
    }
}
