package io.ringway.middleware.proxylogging;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts response body bytes as they are handed to the server and notes the first one; buffers
 * pass through untouched (the server releases them). A {@code Mono} body stays a {@code Mono} so
 * that the server still sets {@code Content-Length} for it.
 */
final class CountingResponse extends ServerHttpResponseDecorator {

    static final String POLICY_INDEX = "X-Backend-Storage-Policy-Index";

    private final AccessTally tally;
    // Swift logs no body bytes for HEAD (it enforces a byte count of 0).
    private final boolean countBody;

    CountingResponse(ServerHttpResponse delegate, AccessTally tally, boolean countBody) {
        super(delegate);
        this.tally = tally;
        this.countBody = countBody;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        started();
        if (body instanceof Mono<? extends DataBuffer> mono) {
            return super.writeWith(counted(mono))
                    .doOnSuccess(done -> tally.firstByte());
        }
        return super.writeWith(counted(Flux.from(body)))
                .doOnSuccess(done -> tally.firstByte());
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        started();
        return super.writeAndFlushWith(Flux.from(body)
                        .map(chunk -> counted(Flux.from(chunk))))
                .doOnSuccess(done -> tally.firstByte());
    }

    @Override
    public Mono<Void> setComplete() {
        started();
        tally.firstByte();
        return super.setComplete();
    }

    private void started() {
        tally.responseStarted(getHeaders().getFirst(POLICY_INDEX));
    }

    private <T extends DataBuffer> Mono<T> counted(Mono<T> body) {
        return body.doOnNext(this::count);
    }

    private <T extends DataBuffer> Flux<T> counted(Flux<T> body) {
        return body.doOnNext(this::count);
    }

    private void count(DataBuffer buffer) {
        if (countBody) {
            tally.sent(buffer.readableByteCount());
        } else {
            tally.firstByte();
        }
    }
}
