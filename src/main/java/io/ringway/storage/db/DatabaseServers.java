package io.ringway.storage.db;

import io.ringway.storage.node.BackendPath;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.storage.node.ServerType;
import io.ringway.swift.SwiftStatus;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What the account and container servers share around their databases. */
public final class DatabaseServers {

    private DatabaseServers() {
    }

    /**
     * Runs a request's handling and turns its failures into answers: Swift's status for a
     * {@link BackendHttpException}, a logged 500 (as Swift's {@code __call__} does) for anything else.
     */
    public static Mono<ServerResponse> answer(ServerRequest request, Supplier<Mono<ServerResponse>> handling,
            Logger log) {
        return Mono.defer(handling)
                .onErrorResume(BackendHttpException.class, BackendHttpException::toResponse)
                .onErrorResume(error -> !(error instanceof BackendHttpException), error -> {
                    log.error("ERROR __call__ error with {} {}", request.method(), request.path(), error);
                    return new BackendHttpException(500, null).toResponse();
                });
    }

    /**
     * The database file of a path whose hash is {@code hash}, or a 507 error naming the drive
     * when the device is not there (checked off the event loop: it touches the file system).
     */
    public static Mono<Path> locate(DeviceRoot devices, ServerType type, BackendPath path, String hash) {
        return Mono.fromCallable(() -> devices.device(path.device()).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() ->
                        new BackendHttpException(507, SwiftStatus.insufficientStorageBody(path.device()))))
                .map(device -> DatabasePaths.of(device, type, path.partition(), hash));
    }
}
