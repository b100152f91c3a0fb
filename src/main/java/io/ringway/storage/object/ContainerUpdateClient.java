package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends one container update, {@code op /device/partition/account/container/object}, as
 * Swift's {@code http_connect}: the path quoted as Python's {@code quote}, no body, within
 * {@code conn_timeout} to connect and {@code node_timeout} for the answer. Answers whether the
 * container server took it (2xx); failures are logged and answered {@code false}, never signalled.
 */
final class ContainerUpdateClient {

    private static final Logger log = LoggerFactory.getLogger(ContainerUpdateClient.class);

    private final HttpClient client;
    private final Duration overall;

    ContainerUpdateClient(HttpClient client, Duration connTimeout, Duration nodeTimeout) {
        requireNonNull(client, "client");
        this.client = client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connTimeout.toMillis()))
                .responseTimeout(nodeTimeout)
                .disableRetry(true);
        // The response timeout covers the headers; this also bounds the (empty) body.
        this.overall = connTimeout.plus(nodeTimeout);
    }

    Mono<Boolean> send(String op, AsyncPending.Target target, String objectPath, Map<String, String> headers) {
        String path = quote("/" + target.device() + "/" + target.partition() + objectPath);
        return client
                .headers(out -> headers.forEach(out::set))
                .request(HttpMethod.valueOf(op))
                .uri("http://" + target.host() + path)
                .response((response, body) -> body.then(Mono.just(response.status().code())))
                .next()
                .timeout(overall)
                .map(status -> {
                    if (status < 200 || status > 299) {
                        log.error("ERROR Container update failed (saving for async update later): {} response from {}/{}",
                                status, target.host(), target.device());
                        return false;
                    }
                    return true;
                })
                .defaultIfEmpty(false)
                .onErrorResume(error -> {
                    log.error("ERROR container update failed with {}/{} (saving for async update later): {}",
                            target.host(), target.device(), error.toString());
                    return Mono.just(false);
                });
    }

    /** Python's {@code urllib.parse.quote(path)}: UTF-8, everything but letters, digits, {@code _.-~/} escaped. */
    static String quote(String path) {
        StringBuilder quoted = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/') {
                quoted.append((char) c);
            } else {
                quoted.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return quoted.toString();
    }
}
