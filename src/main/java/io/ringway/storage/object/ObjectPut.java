package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PUT}: Swift's checks from the headers alone first ({@code _pre_create_checks}, the
 * timestamp against what is on disk, free space), answered without reading the body, so that a
 * client that sent {@code Expect: 100-continue} gets no {@code 100 Continue}. Then the body is
 * streamed to a temp file (see {@link DataFileWriter}) and committed by one rename, and the
 * containers are updated. A short body (499), a stalled one (408), an ETag mismatch (422) or a
 * full disk (507) commits nothing and leaves no temp file.
 */
final class ObjectPut {

    private final ObjectServices services;

    ObjectPut(ObjectServices services) {
        this.services = requireNonNull(services, "services");
    }

    Mono<ServerResponse> handle(ObjectContext context) {
        HttpHeaders headers = context.headers();
        Timestamp timestamp = ObjectConstraints.timestamp(headers);
        double now = timestamp.raw() / 100_000.0;
        String deleteAt = ObjectConstraints.checkObjectCreation(headers, requireNonNull(context.path().object()), now);
        Long length = ObjectConstraints.messageLength(headers);
        if (ObjectConstraints.isTrue(headers.getFirst("X-Backend-Obj-Metadata-Footer"))
                || ObjectConstraints.isTrue(headers.getFirst("X-Backend-Obj-Multiphase-Commit"))) {
            // The multipart MIME PUT (footers from the encryption middleware, EC's two-phase
            // commit) is not implemented: refuse it before the body rather than store the MIME
            // document as the object. Swift's proxy refuses such a node anyway when its
            // 100 Continue lacks X-Obj-Metadata-Footer: yes.
            throw ObjectRequestException.plain(501, "Multipart MIME PUT is not supported");
        }
        return Mono.defer(() -> {
            TempFileGuard guard = new TempFileGuard();
            return Mono.fromCallable(() -> prepare(context, timestamp, length, guard))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(upload -> receive(context, upload, length)
                            .flatMap(written -> commit(context, upload, written, deleteAt)))
                    .onErrorMap(error -> translate(error, context))
                    // Also on a cancel that comes while prepare() is still creating the temp file.
                    .doFinally(signal -> Schedulers.boundedElastic().schedule(guard::release));
        });
    }

    /** Blocking: device, existing object, free space, temp file; any failure answers before the body is read. */
    private Upload prepare(ObjectContext context, Timestamp timestamp, @Nullable Long length, TempFileGuard guard)
            throws IOException {
        ObjectLocation location = services.locate(context);
        ObjectState state = services.disk().read(location, timestamp, false);
        Map<String, String> original = state instanceof ObjectState.Present present ? present.metadata() : Map.of();
        Timestamp existing = existingTimestamp(state);
        checkIfNoneMatch(context.headers(), original);
        if (existing.compareTo(timestamp) >= 0) {
            throw ObjectRequestException.of(409, Map.of("X-Backend-Timestamp", existing.internal()));
        }
        long size = length != null ? length : backendLength(context.headers());
        FallocateReserve reserve = FallocateReserve.parse(services.settings().fallocateReserve());
        if (size > 0 && reserve.wouldExceed(location.device(), size)) {
            throw new InsufficientStorageException(context.path().device());
        }
        DataFileWriter writer = new DataFileWriter(services.disk(), location, services.settings().mbPerSync());
        if (!guard.hold(writer)) {
            throw ObjectRequestException.of(499);
        }
        return new Upload(location, writer, original, timestamp);
    }

    /** Streams the body into the temp file; completes with the bytes written. */
    private Mono<Long> receive(ObjectContext context, Upload upload, @Nullable Long length) {
        long deadline = services.clock().millis() + services.settings().maxUploadTime().toMillis();
        return context.request().exchange().getRequest().getBody()
                // Reading failed: the client went away (Swift's ChunkReadError).
                .onErrorMap(error -> ObjectRequestException.of(499))
                // One chunk at a time, no prefetch queue: each is written and released on
                // boundedElastic, and one whose write was cancelled before it ran is released here.
                .concatMap(buffer -> writeChunk(upload.writer(), buffer, deadline), 0)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                // client_timeout between chunks (Swift's ChunkReadTimeout). Applied after the write,
                // where a late item is a Long: a timeout in front of the buffers would drop a
                // buffer that arrives as it fires without releasing it.
                .timeout(services.settings().clientTimeout())
                .then(Mono.fromCallable(() -> {
                    long written = upload.writer().written();
                    if (ExchangeEnd.answeredByServer(context.request())) {
                        // a malformed chunk: Netty answered 400 and ended the body early
                        throw ObjectRequestException.of(400);
                    }
                    if (length != null && length != written) {
                        throw ObjectRequestException.of(499);
                    }
                    return written;
                }));
    }

    /** Writes one chunk off the event loop; the chunk is released exactly once, whether written, failed or cancelled. */
    private Mono<Long> writeChunk(DataFileWriter writer, DataBuffer buffer, long deadline) {
        AtomicBoolean taken = new AtomicBoolean();
        return Mono.fromCallable(() -> {
                    if (!taken.compareAndSet(false, true)) {
                        return writer.written();
                    }
                    if (services.clock().millis() > deadline) {
                        DataBufferUtils.release(buffer);
                        throw ObjectRequestException.of(408);
                    }
                    writer.write(buffer);
                    return writer.written();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> {
                    if (taken.compareAndSet(false, true)) {
                        DataBufferUtils.release(buffer);
                    }
                });
    }

    private Mono<ServerResponse> commit(ObjectContext context, Upload upload, long written, @Nullable String deleteAt) {
        HttpHeaders headers = context.headers();
        return Mono.fromCallable(() -> {
                    String etag = upload.writer().etag();
                    String requestEtag = headers.getFirst("ETag");
                    if (requestEtag != null && !requestEtag.isEmpty()
                            && !requestEtag.toLowerCase(java.util.Locale.ROOT).equals(etag)) {
                        throw ObjectRequestException.of(422);
                    }
                    Map<String, String> metadata = metadata(context, upload, written, etag, deleteAt);
                    upload.writer().commit(upload.timestamp(), metadata);
                    return metadata;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(metadata -> services.updates()
                        .update("PUT", upload.location(), headers, containerHeaders(headers, metadata),
                                upload.timestamp().internal(), context.referer())
                        .then(ObjectResponses.withText(ServerResponse.status(201)
                                .header("Content-Type", ObjectResponses.HTML)
                                .header("Etag", "\"" + metadata.get("ETag") + "\""), "")));
    }

    /** Swift's {@code _get_request_metadata}. */
    private Map<String, String> metadata(ObjectContext context, Upload upload, long written, String etag,
            @Nullable String deleteAt) {
        HttpHeaders headers = context.headers();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("X-Timestamp", upload.timestamp().internal());
        metadata.put("Content-Type", requireNonNull(headers.getFirst("Content-Type")));
        metadata.put("Content-Length", String.valueOf(written));
        metadata.put("ETag", etag);
        headers.forEach((name, values) -> {
            if (ObjectHeaders.storedAtPut(name)) {
                metadata.put(ObjectHeaders.title(name), values.get(0));
            }
        });
        copyAllowed(headers, services.allowedHeaders(), metadata);
        if (deleteAt != null && headers.getFirst("X-Delete-After") != null) {
            metadata.put("X-Delete-At", deleteAt);
        }
        metadata.put("name", upload.location().name());
        return metadata;
    }

    /** {@code X-Backend-Replication-Headers} and {@code allowed_headers} present in the request, title-cased. */
    static void copyAllowed(HttpHeaders headers, Set<String> allowed, Map<String, String> metadata) {
        String replication = headers.getFirst("X-Backend-Replication-Headers");
        java.util.List<String> names = new java.util.ArrayList<>();
        if (replication != null) {
            names.addAll(java.util.Arrays.asList(replication.strip().split("\\s+")));
        }
        names.addAll(allowed);
        for (String name : names) {
            String value = name.isEmpty() ? null : headers.getFirst(name);
            if (value != null) {
                metadata.put(ObjectHeaders.title(name), value);
            }
        }
    }

    /** The container update of a PUT, with Swift's override headers applied. */
    private static Map<String, String> containerHeaders(HttpHeaders request, Map<String, String> metadata) {
        Map<String, String> update = new LinkedHashMap<>();
        update.put("X-Size", metadata.get("Content-Length"));
        update.put("X-Content-Type", metadata.get("Content-Type"));
        update.put("X-Timestamp", metadata.get("X-Timestamp"));
        update.put("X-Etag", metadata.get("ETag"));
        applyOverrides(request.toSingleValueMap(), update);
        return update;
    }

    /** Swift's {@code _check_container_override}: sysmeta overrides, then backend ones, replace update headers. */
    static void applyOverrides(Map<String, String> source, Map<String, String> update) {
        for (String prefix : new String[] {"x-object-sysmeta-container-update-override-",
                                           "x-backend-container-update-override-"}) {
            source.forEach((name, value) -> {
                String lower = ObjectHeaders.lower(name);
                if (lower.startsWith(prefix)) {
                    String key = ObjectHeaders.title("x-" + lower.substring(prefix.length()));
                    update.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
                    update.put(key, value);
                }
            });
        }
    }

    private static Timestamp existingTimestamp(ObjectState state) {
        if (state instanceof ObjectState.Present present) {
            return present.dataTimestamp();
        }
        if (state instanceof ObjectState.Deleted deleted) {
            return deleted.timestamp();
        }
        if (state instanceof ObjectState.Expired expired) {
            return expired.timestamp();
        }
        return new Timestamp(0, 0);
    }

    private static void checkIfNoneMatch(HttpHeaders headers, Map<String, String> original) {
        Set<String> tags = Conditionals.tags(headers.getFirst("If-None-Match"));
        if (tags == null || original.isEmpty()) {
            return;
        }
        String etag = original.get("ETag");
        if (tags.contains("*") || (etag != null && tags.contains(etag))) {
            throw ObjectRequestException.of(412);
        }
    }

    private static long backendLength(HttpHeaders headers) {
        String length = headers.getFirst("X-Backend-Obj-Content-Length");
        if (length == null) {
            return -1;
        }
        Long parsed = ObjectConstraints.pythonInt(length);
        if (parsed == null) {
            throw ObjectRequestException.plain(400, "invalid literal for int() with base 10: '" + length + "'");
        }
        return parsed;
    }

    /** Failures while receiving or committing, as Swift's PUT answers them. */
    private static Throwable translate(Throwable error, ObjectContext context) {
        if (error instanceof ObjectRequestException || error instanceof InsufficientStorageException) {
            return error;
        }
        if (error instanceof TimeoutException) {
            return ObjectRequestException.of(408);
        }
        if (error instanceof java.nio.channels.ClosedByInterruptException) {
            // the exchange was cancelled (client gone) while a chunk was being written
            return ObjectRequestException.of(499);
        }
        if (error instanceof IOException io && isNoSpace(io)) {
            return new InsufficientStorageException(context.path().device());
        }
        return error;
    }

    private static boolean isNoSpace(IOException error) {
        String message = String.valueOf(error.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    /**
     * Owns a PUT's temp file across threads: whichever comes last, the writer or the end of the
     * exchange (even a cancel while the writer was being made), aborts it. A committed writer's
     * abort only closes.
     */
    private static final class TempFileGuard {

        private @Nullable DataFileWriter writer;
        private boolean released;

        synchronized boolean hold(DataFileWriter created) {
            if (released) {
                created.abort();
                return false;
            }
            writer = created;
            return true;
        }

        synchronized void release() {
            released = true;
            if (writer != null) {
                writer.abort();
            }
        }
    }

    /** A PUT whose temp file is open. */
    private record Upload(ObjectLocation location, DataFileWriter writer, Map<String, String> original,
            Timestamp timestamp) {
    }
}
