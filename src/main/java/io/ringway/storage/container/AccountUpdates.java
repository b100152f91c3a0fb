package io.ringway.storage.container;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.ringway.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends a container's state to its account servers: {@code PUT /{device}/{partition}/{account}/{container}}
 * with {@code X-Put-Timestamp}, {@code X-Delete-Timestamp}, {@code X-Object-Count},
 * {@code X-Bytes-Used} and {@code X-Backend-Storage-Policy-Index}, as Swift's container server
 * ({@code account_update}) and container-updater do. Failures are logged, never raised: the
 * updater retries them.
 */
final class AccountUpdates {

    private static final Logger log = LoggerFactory.getLogger(AccountUpdates.class);

    /** How many account servers answered: 2xx, 404, and in all. */
    record Outcome(int successes, int notFound, int total) {

        /** Swift's {@code quorum_size}: a majority. */
        boolean quorum() {
            return total > 0 && successes >= total / 2 + 1;
        }

        /** Every account server said 404: Swift's container server then answers 404. */
        boolean allNotFound() {
            return total > 0 && notFound == total;
        }
    }

    private final HttpClient client;

    AccountUpdates(HttpClient client, ContainerSettings settings) {
        requireNonNull(client, "client");
        this.client = client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connTimeout().toMillis())
                .responseTimeout(settings.nodeTimeout());
    }

    Mono<Outcome> send(AccountTarget target, ContainerInfo info, String transId, @Nullable String overrideDeleted) {
        List<AccountTarget.Node> nodes = target.nodes();
        String path = "/" + target.partition() + "/" + info.account() + "/" + info.container();
        return Flux.fromIterable(nodes)
                .flatMap(node -> sendOne(node, path, info, transId, overrideDeleted))
                .collectList()
                .map(statuses -> new Outcome(
                        (int) statuses.stream().filter(status -> status / 100 == 2).count(),
                        (int) statuses.stream().filter(status -> status == 404).count(),
                        nodes.size()));
    }

    private Mono<Integer> sendOne(AccountTarget.Node node, String path, ContainerInfo info, String transId,
            @Nullable String overrideDeleted) {
        String uri = "http://" + hostForUri(node.host()) + ":" + node.port()
                + UriUtils.encodePath("/" + node.device() + path, StandardCharsets.UTF_8);
        return client
                .headers(headers -> {
                    headers.set("X-Put-Timestamp", Timestamp.parse(info.putTimestamp()).internal());
                    headers.set("X-Delete-Timestamp", Timestamp.parse(info.deleteTimestamp()).internal());
                    headers.set("X-Object-Count", info.objectCount());
                    headers.set("X-Bytes-Used", info.bytesUsed());
                    headers.set("X-Trans-Id", transId);
                    headers.set("X-Backend-Storage-Policy-Index", info.storagePolicyIndex());
                    headers.set("User-Agent", "container-server " + ProcessHandle.current().pid());
                    if (overrideDeleted != null) {
                        headers.set("X-Account-Override-Deleted", overrideDeleted);
                    }
                })
                .put()
                .uri(uri)
                // Reactor Netty releases each inbound buffer after onNext; then() just drains them.
                .response((response, body) -> body.then(Mono.just(response.status().code())))
                .next()
                .doOnNext(status -> {
                    if (status / 100 != 2 && status != 404) {
                        log.warn("ERROR Account update failed with {}:{}/{} (will retry later): Response {}",
                                node.host(), node.port(), node.device(), status);
                    }
                })
                .onErrorResume(error -> {
                    log.warn("ERROR account update failed with {}:{}/{} (will retry later): {}",
                            node.host(), node.port(), node.device(), error.toString());
                    return Mono.just(0);
                });
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
