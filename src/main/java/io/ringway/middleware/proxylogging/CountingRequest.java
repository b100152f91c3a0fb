package io.ringway.middleware.proxylogging;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * Counts request body bytes as the rest of the pipeline reads them (Swift's {@code InputProxy});
 * buffers pass through untouched, so ownership stays with the reader.
 */
final class CountingRequest extends ServerHttpRequestDecorator {

    private final AccessTally tally;

    CountingRequest(ServerHttpRequest delegate, AccessTally tally) {
        super(delegate);
        this.tally = tally;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return super.getBody()
                .doOnNext(buffer -> tally.received(buffer.readableByteCount()))
                // Swift's InputProxy takes any failed read for a client disconnect.
                .doOnError(error -> tally.clientDisconnected());
    }
}
