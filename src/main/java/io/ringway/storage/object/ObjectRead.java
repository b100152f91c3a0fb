package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET} and {@code HEAD}: the object's headers as Swift 2.30 sends them, then swob's
 * conditional rules (304/412), then for GET its {@code Range} handling (206, multipart
 * byteranges, 416). A deleted or expired object is a 404 carrying {@code X-Backend-Timestamp}.
 */
final class ObjectRead {

    private final ObjectServices services;

    ObjectRead(ObjectServices services) {
        this.services = requireNonNull(services, "services");
    }

    Mono<ServerResponse> handle(ObjectContext context) {
        HttpHeaders request = context.headers();
        // Swift sets a missing X-Timestamp to now: it is the "current time" for X-Delete-At.
        Timestamp now = request.getFirst("X-Timestamp") == null ? services.now() : ObjectConstraints.timestamp(request);
        boolean openExpired = ObjectConstraints.isReplication(request);
        // The data file stays open from the metadata read to the end of the body, as Swift's
        // DiskFile keeps its descriptor: a PUT or DELETE in between must not break the body.
        return Mono.fromCallable(() -> services.disk().open(services.locate(context), now, openExpired))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnDiscard(OpenedObject.class, OpenedObject::closeLater)
                .flatMap(opened -> answer(context, opened));
    }

    /** The answer; the data file passes to the body, or is closed here when there is none. */
    private Mono<ServerResponse> answer(ObjectContext context, OpenedObject opened) {
        try {
            Answer answer = respond(context, opened);
            if (answer.readsFile()) {
                ExchangeEnd.closeAtEnd(context.request(), opened);
            } else {
                opened.close();
            }
            return answer.response();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private Answer respond(ObjectContext context, OpenedObject opened) {
        ObjectState state = opened.state();
        HttpHeaders request = context.headers();
        if (!(state instanceof ObjectState.Present present)) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (state instanceof ObjectState.Deleted deleted) {
                headers.put("X-Backend-Timestamp", deleted.timestamp().internal());
            } else if (state instanceof ObjectState.Expired expired) {
                headers.put("X-Backend-Timestamp", expired.timestamp().internal());
            }
            if (Conditionals.missingFailsIfMatch(request)) {
                return Answer.done(empty(412, ObjectResponses.HTML, headers));
            }
            if (context.method().equals("HEAD")) {
                return Answer.done(empty(404, ObjectResponses.HTML, headers));
            }
            return Answer.done(ObjectResponses.answer(404, "", false, headers));
        }
        Map<String, String> metadata = present.metadata();
        String contentType = metadata.getOrDefault("Content-Type", "application/octet-stream");
        Map<String, String> headers = objectHeaders(present);
        long lastModified = ceilSeconds(present.timestamp());
        String etag = metadata.getOrDefault("ETag", "");
        int conditional = Conditionals.statusFor(request, conditionalEtag(request, metadata, etag), lastModified);
        if (conditional != 0) {
            return Answer.done(empty(conditional, contentType, headers));
        }
        long size = present.contentLength();
        if (context.method().equals("HEAD")) {
            headers.put("Content-Length", String.valueOf(size));
            return Answer.done(ServerResponse.ok().headers(out -> out.setAll(withType(contentType, headers))).build());
        }
        RangeHeader range = ignoresRange(request, metadata) ? null : RangeHeader.parse(request.getFirst("Range"));
        if (range == null || range.specs().isEmpty()) {
            return Answer.streaming(body(200, contentType, headers, size, FileBodies.span(opened, 0, size, chunk())));
        }
        List<RangeHeader.ByteSpan> spans = range.forLength(size);
        if (spans.isEmpty()) {
            headers.put("Content-Range", "bytes */" + size);
            ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(416))
                    .headers(out -> out.setAll(withType(contentType, headers)));
            return Answer.done(ObjectResponses.withText(builder, io.ringway.swift.SwiftStatus.defaultBody(416)));
        }
        if (size == 0) {
            // swob: a suffix range of an empty body is answered with the whole (empty) body
            return Answer.done(body(200, contentType, headers, 0, Flux.empty()));
        }
        if (spans.size() == 1) {
            RangeHeader.ByteSpan span = spans.get(0);
            headers.put("Content-Range", span.contentRange(size));
            return Answer.streaming(body(206, contentType, headers, span.length(),
                    FileBodies.span(opened, span.start(), span.stop(), chunk())));
        }
        String boundary = String.format(Locale.ROOT, "%016x%016x",
                ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
        long length = FileBodies.multipartLength(spans, contentType, boundary, size);
        return Answer.streaming(body(206, "multipart/byteranges;boundary=" + boundary, headers, length,
                FileBodies.multipart(opened, spans, contentType, boundary, size, chunk())));
    }

    /** The headers of an object answer, in the order Swift sets them. */
    private Map<String, String> objectHeaders(ObjectState.Present present) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : present.metadata().entrySet()) {
            String key = entry.getKey();
            if (ObjectHeaders.storedAtPut(key) || services.allowedHeaders().contains(ObjectHeaders.lower(key))) {
                headers.put(key, entry.getValue());
            }
        }
        headers.put("Etag", "\"" + present.metadata().getOrDefault("ETag", "") + "\"");
        headers.put("Last-Modified", Conditionals.formatHttpDate(ceilSeconds(present.timestamp())));
        headers.put("X-Timestamp", present.timestamp().normal());
        headers.put("X-Backend-Timestamp", present.timestamp().internal());
        headers.put("X-Backend-Data-Timestamp", present.dataTimestamp().internal());
        // Replicated data files are durable once renamed into place.
        headers.put("X-Backend-Durable-Timestamp", present.dataTimestamp().internal());
        return headers;
    }

    /** Swift's {@code resolve_etag_is_at_header}: the first named metadata key present holds the ETag to compare. */
    private static String conditionalEtag(HttpHeaders request, Map<String, String> metadata, String etag) {
        String names = request.getFirst("X-Backend-Etag-Is-At");
        if (names == null) {
            return etag;
        }
        for (String name : names.split(",")) {
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name.strip())) {
                    return entry.getValue();
                }
            }
        }
        return etag;
    }

    /** {@code X-Backend-Ignore-Range-If-Metadata-Present}: serve the whole body when any named key is stored. */
    private static boolean ignoresRange(HttpHeaders request, Map<String, String> metadata) {
        String names = request.getFirst("X-Backend-Ignore-Range-If-Metadata-Present");
        if (names == null) {
            return false;
        }
        for (String name : names.split(",")) {
            for (String key : metadata.keySet()) {
                if (key.equalsIgnoreCase(name.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Swift's {@code Timestamp.ceil()}: Last-Modified is the timestamp rounded up to a second. */
    static long ceilSeconds(Timestamp timestamp) {
        long seconds = timestamp.seconds();
        return timestamp.raw() % 100_000L == 0 ? seconds : seconds + 1;
    }

    private static Map<String, String> withType(String contentType, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType);
        all.putAll(headers);
        return all;
    }

    private static Mono<ServerResponse> empty(int status, String contentType, Map<String, String> headers) {
        Map<String, String> all = withType(contentType, headers);
        all.put("Content-Length", "0");
        return ServerResponse.status(HttpStatusCode.valueOf(status)).headers(out -> out.setAll(all)).build();
    }

    private static Mono<ServerResponse> body(int status, String contentType, Map<String, String> headers, long length,
            Flux<DataBuffer> body) {
        Map<String, String> all = withType(contentType, headers);
        all.put("Content-Length", String.valueOf(length));
        return ServerResponse.status(HttpStatusCode.valueOf(status))
                .headers(out -> out.setAll(all))
                .body(BodyInserters.fromDataBuffers(body));
    }

    private int chunk() {
        return services.settings().diskChunkSize();
    }

    /**
     * An answer and whether its body reads the open data file (which then closes it) or not (the
     * caller closes it at once).
     */
    private record Answer(Mono<ServerResponse> response, boolean readsFile) {

        static Answer done(Mono<ServerResponse> response) {
            return new Answer(response, false);
        }

        static Answer streaming(Mono<ServerResponse> response) {
            return new Answer(response, true);
        }
    }
}
