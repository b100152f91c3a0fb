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
        return Mono.fromCallable(() -> services.disk().read(services.locate(context), now, openExpired))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(state -> respond(context, state));
    }

    private Mono<ServerResponse> respond(ObjectContext context, ObjectState state) {
        HttpHeaders request = context.headers();
        if (!(state instanceof ObjectState.Present present)) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (state instanceof ObjectState.Deleted deleted) {
                headers.put("X-Backend-Timestamp", deleted.timestamp().internal());
            } else if (state instanceof ObjectState.Expired expired) {
                headers.put("X-Backend-Timestamp", expired.timestamp().internal());
            }
            if (Conditionals.missingFailsIfMatch(request)) {
                return empty(412, ObjectResponses.HTML, headers);
            }
            if (context.method().equals("HEAD")) {
                return empty(404, ObjectResponses.HTML, headers);
            }
            return ObjectResponses.answer(404, "", false, headers);
        }
        Map<String, String> metadata = present.metadata();
        String contentType = metadata.getOrDefault("Content-Type", "application/octet-stream");
        Map<String, String> headers = objectHeaders(present);
        long lastModified = ceilSeconds(present.timestamp());
        String etag = metadata.getOrDefault("ETag", "");
        int conditional = Conditionals.statusFor(request, conditionalEtag(request, metadata, etag), lastModified);
        if (conditional != 0) {
            return empty(conditional, contentType, headers);
        }
        long size = present.contentLength();
        if (context.method().equals("HEAD")) {
            headers.put("Content-Length", String.valueOf(size));
            return ServerResponse.ok().headers(out -> out.setAll(withType(contentType, headers))).build();
        }
        RangeHeader range = ignoresRange(request, metadata) ? null : RangeHeader.parse(request.getFirst("Range"));
        if (range == null || range.specs().isEmpty()) {
            return body(200, contentType, headers, size, FileBodies.span(present.dataFile(), 0, size, chunk()));
        }
        List<RangeHeader.ByteSpan> spans = range.forLength(size);
        if (spans.isEmpty()) {
            headers.put("Content-Range", "bytes */" + size);
            ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatusCode.valueOf(416))
                    .headers(out -> out.setAll(withType(contentType, headers)));
            return ObjectResponses.withText(builder, io.ringway.swift.SwiftStatus.defaultBody(416));
        }
        if (size == 0) {
            // swob: a suffix range of an empty body is answered with the whole (empty) body
            return body(200, contentType, headers, 0, Flux.empty());
        }
        if (spans.size() == 1) {
            RangeHeader.ByteSpan span = spans.get(0);
            headers.put("Content-Range", span.contentRange(size));
            return body(206, contentType, headers, span.length(),
                    FileBodies.span(present.dataFile(), span.start(), span.stop(), chunk()));
        }
        String boundary = String.format(Locale.ROOT, "%016x%016x",
                ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
        long length = FileBodies.multipartLength(spans, contentType, boundary, size);
        return body(206, "multipart/byteranges;boundary=" + boundary, headers, length,
                FileBodies.multipart(present.dataFile(), spans, contentType, boundary, size, chunk()));
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
}
