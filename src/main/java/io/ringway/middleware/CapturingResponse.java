package io.ringway.middleware;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The response of a subrequest: instead of writing to a connection it hands status, headers and
 * the body publisher over as a {@link SubResponse} when committed. Like a server's response, the
 * write completes when the body has been consumed (by the stage that made the subrequest), so
 * that stages after it see the exchange end when the bytes went through, as Swift's WSGI
 * iterators do; a consumer that cancels the body cancels the subrequest.
 */
final class CapturingResponse implements ServerHttpResponse {

    private final DataBufferFactory bufferFactory;
    private final Consumer<SubResponse> delivery;
    private final Runnable cancellation;
    private final HttpHeaders headers = new HttpHeaders();
    private final MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();
    private final List<Supplier<? extends Mono<Void>>> beforeCommit = new ArrayList<>();
    private final AtomicBoolean committed = new AtomicBoolean();
    private @Nullable HttpStatusCode status;

    /**
     * @param delivery gets the captured answer once, when the response is committed
     * @param cancellation runs when the consumer cancels the body
     */
    CapturingResponse(DataBufferFactory bufferFactory, Consumer<SubResponse> delivery, Runnable cancellation) {
        this.bufferFactory = requireNonNull(bufferFactory, "bufferFactory");
        this.delivery = requireNonNull(delivery, "delivery");
        this.cancellation = requireNonNull(cancellation, "cancellation");
    }

    @Override
    public boolean setStatusCode(@Nullable HttpStatusCode status) {
        if (committed.get()) {
            return false;
        }
        this.status = status;
        return true;
    }

    @Override
    public @Nullable HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public MultiValueMap<String, ResponseCookie> getCookies() {
        return cookies;
    }

    @Override
    public void addCookie(ResponseCookie cookie) {
        cookies.add(cookie.getName(), cookie);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return bufferFactory;
    }

    @Override
    public void beforeCommit(Supplier<? extends Mono<Void>> action) {
        beforeCommit.add(action);
    }

    @Override
    public boolean isCommitted() {
        return committed.get();
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return commit(Flux.from(body));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return commit(Flux.from(body).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return committed.get() ? Mono.empty() : commit(Flux.empty());
    }

    private Mono<Void> commit(Flux<DataBuffer> body) {
        if (!committed.compareAndSet(false, true)) {
            // As a server's response: a second write is refused; its body is closed unread.
            return BodyCloser.close(body)
                    .then(Mono.error(new IllegalStateException("the subrequest's response is already committed")));
        }
        return Flux.fromIterable(beforeCommit)
                .concatMap(Supplier::get)
                .then(Mono.defer(() -> deliver(body)));
    }

    private Mono<Void> deliver(Flux<DataBuffer> body) {
        Sinks.Empty<Void> written = Sinks.empty();
        Flux<DataBuffer> tracked = body
                .doOnComplete(() -> written.tryEmitEmpty())
                .doOnError(error -> written.tryEmitError(error))
                .doOnCancel(() -> {
                    // Cancelled first, as a server's write is when its client goes away.
                    cancellation.run();
                    written.tryEmitEmpty();
                });
        delivery.accept(new SubResponse(status == null ? 200 : status.value(), HttpHeaders.copyOf(headers), tracked));
        return written.asMono();
    }
}
