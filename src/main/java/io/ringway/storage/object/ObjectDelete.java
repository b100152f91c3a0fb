package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code DELETE}: writes a tombstone {@code timestamp.ts} whenever the request is newer than what
 * is there, even for a missing object, so that the deletion wins over older replicas; answers
 * 204 when an object was there, 404 when not, 409 when the object is newer. With
 * {@code X-If-Delete-At} (the expirer's) nothing is written unless the object's
 * {@code X-Delete-At} matches (412 otherwise).
 */
final class ObjectDelete {

    private final ObjectServices services;

    ObjectDelete(ObjectServices services) {
        this.services = requireNonNull(services, "services");
    }

    Mono<ServerResponse> handle(ObjectContext context) {
        Timestamp timestamp = ObjectConstraints.timestamp(context.headers());
        return Mono.fromCallable(() -> delete(context, timestamp))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(done -> update(context, done)
                        .then(answer(done)));
    }

    private Deleted delete(ObjectContext context, Timestamp timestamp) throws java.io.IOException {
        HttpHeaders headers = context.headers();
        ObjectLocation location = services.locate(context);
        ObjectState state = services.disk().read(location, timestamp, false);
        Timestamp original = new Timestamp(0, 0);
        Map<String, String> metadata = Map.of();
        int status = 404;
        if (state instanceof ObjectState.Expired expired) {
            original = expired.timestamp();
            metadata = expired.metadata();
        } else if (state instanceof ObjectState.Deleted deleted) {
            original = deleted.timestamp();
        } else if (state instanceof ObjectState.Present present) {
            original = present.dataTimestamp();
            metadata = present.metadata();
            status = original.isBefore(timestamp) ? 204 : 409;
        }
        String ifDeleteAt = headers.getFirst("X-If-Delete-At");
        if (ifDeleteAt != null) {
            Timestamp wanted = Timestamp.parseOrNull(ifDeleteAt);
            if (wanted == null) {
                throw ObjectRequestException.withHtml(400, "Bad X-If-Delete-At header value");
            }
            if (original.raw() == 0 && original.offset() == 0) {
                throw ObjectRequestException.of(404);
            }
            if (original.compareTo(timestamp) >= 0) {
                throw ObjectRequestException.of(409);
            }
            Timestamp deleteAt = Timestamp.parseOrNull(metadata.getOrDefault("X-Delete-At", "0"));
            if (!wanted.equals(deleteAt)) {
                throw ObjectRequestException.withHtml(412, "X-If-Delete-At and X-Delete-At do not match");
            }
            status = 204;
        }
        boolean written = original.isBefore(timestamp);
        if (written) {
            services.disk().writeTombstone(location, timestamp);
        }
        Timestamp responseTimestamp = original.compareTo(timestamp) > 0 ? original : timestamp;
        Map<String, String> response = new LinkedHashMap<>();
        response.put("X-Backend-Timestamp", responseTimestamp.internal());
        response.put("X-Backend-Content-Type", metadata.getOrDefault("Content-Type", ""));
        return new Deleted(location, timestamp, written, status, response);
    }

    private Mono<Void> update(ObjectContext context, Deleted done) {
        if (!done.written()) {
            return Mono.empty();
        }
        return services.updates().update("DELETE", done.location(), context.headers(),
                Map.of("X-Timestamp", done.timestamp().internal()), done.timestamp().internal(), context.referer());
    }

    private static Mono<ServerResponse> answer(Deleted done) {
        return ObjectResponses.answer(done.status(), "", false, done.response());
    }

    /** What a DELETE did, for its container update and answer. */
    private record Deleted(ObjectLocation location, Timestamp timestamp, boolean written, int status,
            Map<String, String> response) {
    }
}
