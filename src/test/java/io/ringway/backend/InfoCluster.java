package io.ringway.backend;

import io.ringway.ring.Device;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.storage.account.AccountServer;
import io.ringway.storage.account.AccountSettings;
import io.ringway.storage.container.ContainerServer;
import io.ringway.storage.container.ContainerSettings;
import io.ringway.storage.node.BackendServer;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.swift.Timestamp;
import io.ringway.testing.storage.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * Real account and container servers for one test, three of each on free loopback ports, an
 * account ring and a container ring (three replicas, so every server is a primary of every
 * partition) over them, and an {@link InfoFetcher} that tries servers in index order.
 */
final class InfoCluster implements AutoCloseable {

    private static final int NODES = 3;

    final List<Path> roots = new ArrayList<>();
    private final AtomicLong lastMillis = new AtomicLong();
    final List<@Nullable DisposableServer> accountServers = new ArrayList<>();
    final List<@Nullable DisposableServer> containerServers = new ArrayList<>();
    final Ring accountRing;
    final Ring containerRing;
    final StorageNodeClient client;
    final NodeHealth health;
    final StorageNodes nodes;
    final InfoFetcher fetcher;

    InfoCluster() throws IOException {
        this.accountRing = ring(accountServers, devices -> new AccountServer(devices, TestNode.HASH_PATH,
                AccountSettings.defaults(), Clock.systemUTC(), Map.of(0, "Policy-0", 1, "Policy-1")));
        this.containerRing = ring(containerServers, devices -> new ContainerServer(devices, TestNode.HASH_PATH,
                ContainerSettings.defaults(), Clock.systemUTC(), HttpClient.create(), Set.of(0, 1)));
        // Zone i+1 first for node i: nodes are tried in their index order, so a test knows which fails first.
        BackendSettings settings = StorageCluster.quickSettings().withReadAffinity("r1z1=1, r1z2=2, r1z3=3");
        this.client = new StorageNodeClient(settings);
        this.health = new NodeHealth(settings, Clock.systemUTC());
        this.nodes = new StorageNodes(client, health, new NodeTimings(settings, Clock.systemUTC()), new Random(1));
        this.fetcher = new InfoFetcher(nodes, () -> accountRing, () -> containerRing);
    }

    private Ring ring(List<@Nullable DisposableServer> servers, Function<DeviceRoot, BackendServer> server)
            throws IOException {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path root = Files.createTempDirectory("ringway-info-node");
            DeviceRoot deviceRoot = TestNode.devices(root);
            DisposableServer bound = TestNode.start(server.apply(deviceRoot), deviceRoot, Clock.systemUTC());
            roots.add(root);
            servers.add(bound);
            devices.add(Device.of(i, 1, i + 1, "127.0.0.1", bound.port(), "sda1", 100));
        }
        return new Ring(RingBuilder.build(devices, 4, NODES, RingBuilder.DEFAULT_SEED), TestNode.HASH_PATH);
    }

    /**
     * Sends {@code method} for {@code /a}, {@code /a/c} or {@code /a/c/o} to every primary of
     * the database it is in (the account's in the account ring, else the container's).
     */
    void direct(Ring ring, String method, String account, @Nullable String container, @Nullable String object,
            String... headerPairs) {
        // Rows (a container in an account, an object in a container) live in their database's partition.
        int partition = ring == accountRing ? ring.partition(account, null, null) : ring.partition(account, container, null);
        String name = "/" + account + (container == null ? "" : "/" + container) + (object == null ? "" : "/" + object);
        String timestamp = Timestamp.ofMillis(nextMillis()).internal();
        ring.primaryNodes(partition).forEach(node -> {
            Integer status = HttpClient.create()
                    .headers(h -> {
                        h.set("X-Timestamp", timestamp);
                        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                            h.set(headerPairs[i], headerPairs[i + 1]);
                        }
                    })
                    .request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
                    .uri("http://127.0.0.1:" + node.device().port() + BackendPaths.quote("/sda1/" + partition + name))
                    .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                    .block(Duration.ofSeconds(10));
            if (status == null || status >= 300) {
                throw new IllegalStateException(method + " " + name + " to " + node + ": " + status);
            }
        });
    }

    /** Stops container server {@code index} (the {@code index}th one tried): connections are refused. */
    void killContainerServer(int index) {
        DisposableServer server = containerServers.get(index);
        if (server != null) {
            server.disposeNow();
            containerServers.set(index, null);
        }
    }

    void killAllContainerServers() {
        for (int i = 0; i < containerServers.size(); i++) {
            killContainerServer(i);
        }
    }

    /** A new millisecond for each write, so a DELETE is always newer than the PUT before it. */
    long nextMillis() {
        return lastMillis.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    @Override
    public void close() throws IOException {
        client.close();
        for (List<@Nullable DisposableServer> servers : List.of(accountServers, containerServers)) {
            for (DisposableServer server : servers) {
                if (server != null) {
                    server.disposeNow();
                }
            }
        }
        for (Path root : roots) {
            TestNode.deleteRecursively(root);
        }
    }
}
