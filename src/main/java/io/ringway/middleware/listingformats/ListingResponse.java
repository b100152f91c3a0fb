package io.ringway.middleware.listingformats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response side of {@code listing_formats}: a 200 or 204 JSON listing of a declared length
 * within the limit is read whole and rewritten in the client's format; anything else passes
 * through as it is (after {@code Vary: Accept} on 200/204 when the client named no format).
 */
final class ListingResponse extends ServerHttpResponseDecorator {

    private final ListingRequest request;
    private final long maxLength;

    ListingResponse(ServerHttpResponse delegate, ListingRequest request, long maxLength) {
        super(delegate);
        this.request = requireNonNull(request, "request");
        this.maxLength = maxLength;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!prepare()) {
            return super.writeWith(body);
        }
        return DataBufferUtils.join(body, (int) Math.min(maxLength, Integer.MAX_VALUE))
                .map(ListingResponse::drain)
                .defaultIfEmpty(new byte[0])
                .flatMap(this::rewrite);
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        // Flushing points mean nothing to a listing that is read whole; flattened, it converts.
        return writeWith(Flux.from(body).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        // No body: nothing to convert (Swift would fail to parse an empty listing and pass it on).
        prepare();
        return super.setComplete();
    }

    /** Sets the headers Swift sets before it reads the body; whether the body is to be converted. */
    private boolean prepare() {
        HttpStatusCode status = getStatusCode();
        int code = status == null ? 200 : status.value();
        if (code != 200 && code != 204) {
            return false;
        }
        HttpHeaders headers = getHeaders();
        if (request.canVary()) {
            addVaryAccept(headers);
        }
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.split(";", 2)[0].equals("application/json")) {
            return false;
        }
        long length = headers.getContentLength();
        if (length < 0 || length > maxLength) {
            return false;
        }
        if (request.head()) {
            // The length of the converted body is unknown without the body, as in Swift.
            headers.set(HttpHeaders.CONTENT_TYPE, request.contentType() + "; charset=utf-8");
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            return false;
        }
        return true;
    }

    private Mono<Void> rewrite(byte[] json) {
        byte[] body = ListingConverter.convert(json, request.contentType(), request.target(), request.allowReserved());
        if (body == null) {
            return write(json);
        }
        if (body.length == 0) {
            setStatusCode(HttpStatus.NO_CONTENT);
        }
        getHeaders().set(HttpHeaders.CONTENT_TYPE, request.contentType() + "; charset=utf-8");
        getHeaders().setContentLength(body.length);
        return write(body);
    }

    private Mono<Void> write(byte[] body) {
        if (body.length == 0) {
            return super.setComplete();
        }
        return super.writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(body)));
    }

    private static void addVaryAccept(HttpHeaders headers) {
        String vary = headers.getFirst(HttpHeaders.VARY);
        if (vary == null) {
            headers.set(HttpHeaders.VARY, "Accept");
            return;
        }
        boolean hasAccept = Arrays.stream(vary.toLowerCase(Locale.ROOT).split(","))
                .map(String::strip)
                .anyMatch("accept"::equals);
        if (!hasAccept) {
            headers.set(HttpHeaders.VARY, vary + ", Accept");
        }
    }

    // The joined listing is copied out and released here: it is not passed on.
    private static byte[] drain(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** What the request side decided. */
    record ListingRequest(ListingTarget target, String contentType, boolean canVary, boolean head,
            boolean allowReserved) {
    }
}
