package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.ResumeRange;
import io.ringway.federation.RemoteResponse;
import java.io.IOException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An object GET's body from a target that goes on when the target's connection breaks or stalls
 * mid-body, as Swift's proxy does between replicas: the rest is asked for with a {@code Range}
 * after the bytes already sent and {@code If-Match} the first answer's {@code ETag}, and taken
 * only from a 206 with that same {@code ETag} (a changed object is never spliced in). At most
 * {@value #MAX_RESUMES} times; after that, or when the rest cannot be had, the body fails and the
 * client's connection is aborted (its length then shows the answer incomplete).
 */
final class ResumingBody {

    private static final Logger LOG = LoggerFactory.getLogger(ResumingBody.class);
    static final int MAX_RESUMES = 3;

    private final @Nullable String range;
    private final String etag;
    private final BiFunction<String, String, Mono<RemoteResponse>> rest;
    private final String what;
    private long sent;
    private int resumes;

    private ResumingBody(@Nullable String range, String etag, BiFunction<String, String, Mono<RemoteResponse>> rest,
            String what) {
        this.range = range;
        this.etag = etag;
        this.rest = rest;
        this.what = what;
    }

    /**
     * The body of {@code first}, resumed through {@code rest} (which sends the GET again with the
     * given {@code Range} and {@code If-Match}) when it breaks. A body without an {@code ETag} or
     * of several ranges is not resumable and is {@code first}'s alone.
     *
     * @param range the client's {@code Range}, or null
     */
    static Flux<DataBuffer> of(RemoteResponse first, @Nullable String range,
            BiFunction<String, String, Mono<RemoteResponse>> rest, String what) {
        String etag = first.headers().getFirst(HttpHeaders.ETAG);
        String type = first.headers().getFirst(HttpHeaders.CONTENT_TYPE);
        if (etag == null || type != null && type.startsWith("multipart/byteranges")) {
            return first.body();
        }
        return Flux.defer(() -> new ResumingBody(range, etag, requireNonNull(rest, "rest"), what).stream(first));
    }

    private Flux<DataBuffer> stream(RemoteResponse source) {
        long expected = source.headers().getContentLength();
        long[] received = {0};
        return source.body()
                .doOnNext(buffer -> {
                    received[0] += buffer.readableByteCount();
                    sent += buffer.readableByteCount();
                })
                .concatWith(Mono.defer(() -> expected >= 0 && received[0] < expected
                        ? Mono.error(new IOException("body ended after " + received[0] + " of " + expected + " bytes"))
                        : Mono.empty()))
                .onErrorResume(this::resume);
    }

    private Flux<DataBuffer> resume(Throwable cause) {
        if (resumes++ >= MAX_RESUMES) {
            return Flux.error(cause);
        }
        ResumeRange.Result next = ResumeRange.fastForward(range, sent);
        if (next.outcome() == ResumeRange.Outcome.COMPLETE) {
            return Flux.empty();
        }
        if (next.outcome() != ResumeRange.Outcome.RESUME) {
            return Flux.error(cause);
        }
        LOG.info("Resuming {} with Range {} after {}", what, next.range(), cause.toString());
        return rest.apply(next.range(), etag)
                .flatMapMany(response -> {
                    if (response.status() != 206 || !sameTag(etag, response.headers().getFirst(HttpHeaders.ETAG))) {
                        response.dispose();
                        return Flux.error(new IOException("cannot resume " + what + ": the target answered "
                                + response.status() + " with ETag " + response.headers().getFirst(HttpHeaders.ETAG)
                                + " (first " + etag + "), after: " + cause));
                    }
                    return stream(response);
                });
    }

    private static boolean sameTag(String first, @Nullable String other) {
        return other != null && unquoted(first).equals(unquoted(other));
    }

    private static String unquoted(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
