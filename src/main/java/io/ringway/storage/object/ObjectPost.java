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
 * {@code POST} ("fast-POST"): writes a {@code timestamp.meta} file whose user and transient
 * metadata and allowed headers replace the object's; {@code Content-Type} too when given. An
 * older or equal timestamp is a 409, a missing, deleted or expired object a 404. The containers
 * get a PUT update carrying the new content type and meta timestamp.
 */
final class ObjectPost {

    private final ObjectServices services;

    ObjectPost(ObjectServices services) {
        this.services = requireNonNull(services, "services");
    }

    Mono<ServerResponse> handle(ObjectContext context) {
        HttpHeaders headers = context.headers();
        Timestamp timestamp = ObjectConstraints.timestamp(headers);
        String deleteAtHeader = headers.getFirst("X-Delete-At");
        long newDeleteAt = 0;
        if (deleteAtHeader != null && !deleteAtHeader.isEmpty()) {
            Long parsed = ObjectConstraints.pythonInt(deleteAtHeader);
            if (parsed == null) {
                throw ObjectRequestException.plain(400, "Non-integer X-Delete-At");
            }
            newDeleteAt = parsed;
        }
        if (newDeleteAt != 0 && newDeleteAt * 100_000L < timestamp.raw()) {
            throw ObjectRequestException.plain(400, "X-Delete-At in past");
        }
        return Mono.fromCallable(() -> post(context, timestamp))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(done -> services.updates()
                        .update("PUT", done.location(), headers, done.update(),
                                done.update().get("X-Meta-Timestamp"), context.referer())
                        .then(accepted(done)));
    }

    private Posted post(ObjectContext context, Timestamp timestamp) throws java.io.IOException {
        HttpHeaders headers = context.headers();
        ObjectLocation location = services.locate(context);
        ObjectState state = services.disk().read(location, timestamp,
                ObjectConstraints.isReplication(headers));
        if (!(state instanceof ObjectState.Present present)) {
            throw ObjectRequestException.of(404);
        }
        Map<String, String> original = present.metadata();
        Timestamp requestContentType = new Timestamp(0, 0);
        String contentType = headers.getFirst("Content-Type");
        if (contentType != null && !contentType.isEmpty()) {
            String given = headers.getFirst("Content-Type-Timestamp");
            requestContentType = given == null ? timestamp : Timestamp.parse(given);
        }
        if (present.timestamp().compareTo(timestamp) >= 0
                && present.contentTypeTimestamp().compareTo(requestContentType) >= 0) {
            throw ObjectRequestException.of(409, Map.of("X-Backend-Timestamp", present.timestamp().internal()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (timestamp.isAfter(present.timestamp())) {
            metadata.put("X-Timestamp", timestamp.internal());
            headers.forEach((name, values) -> {
                if (ObjectHeaders.storedAtPost(name)) {
                    metadata.put(ObjectHeaders.title(name), values.get(0));
                }
            });
            ObjectPut.copyAllowed(headers, services.allowedHeaders(), metadata);
        } else {
            // only the content type is newer: keep the current .meta's metadata (Swift's
            // get_metafile_metadata)
            metadata.putAll(present.metafile());
        }
        String currentType;
        Timestamp currentTypeTimestamp;
        if (requestContentType.isAfter(present.contentTypeTimestamp())) {
            currentType = requireNonNull(contentType);
            currentTypeTimestamp = requestContentType;
            metadata.put("Content-Type", currentType);
            metadata.put("Content-Type-Timestamp", currentTypeTimestamp.internal());
        } else {
            currentType = original.getOrDefault("Content-Type", "");
            currentTypeTimestamp = present.contentTypeTimestamp();
            if (!currentTypeTimestamp.equals(present.dataTimestamp())) {
                metadata.put("Content-Type", currentType);
                metadata.put("Content-Type-Timestamp", currentTypeTimestamp.internal());
            }
        }
        // Named after the metadata's X-Timestamp, as Swift's writer does: a content-type-only
        // update rewrites the current .meta in place instead of adding an older one.
        services.disk().writeMeta(location,
                Timestamp.parse(metadata.getOrDefault("X-Timestamp", timestamp.internal())), metadata);
        Map<String, String> update = new LinkedHashMap<>();
        update.put("X-Size", original.getOrDefault("Content-Length", "0"));
        update.put("X-Content-Type", currentType);
        update.put("X-Timestamp", present.dataTimestamp().internal());
        update.put("X-Content-Type-Timestamp", currentTypeTimestamp.internal());
        update.put("X-Meta-Timestamp", metadata.getOrDefault("X-Timestamp", timestamp.internal()));
        update.put("X-Etag", original.getOrDefault("ETag", ""));
        ObjectPut.applyOverrides(original, update);
        Map<String, String> response = new LinkedHashMap<>();
        response.put("X-Backend-Content-Type", currentType);
        original.forEach((key, value) -> {
            if (ObjectHeaders.isSysMeta(key)) {
                response.put(key, value);
            }
        });
        return new Posted(location, update, response);
    }

    private static Mono<ServerResponse> accepted(Posted done) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(202).header("Content-Type", ObjectResponses.HTML);
        done.response().forEach(builder::header);
        return ObjectResponses.withText(builder, io.ringway.swift.SwiftStatus.defaultBody(202));
    }

    /** What a POST wrote, for its container update and answer. */
    private record Posted(ObjectLocation location, Map<String, String> update, Map<String, String> response) {
    }
}
