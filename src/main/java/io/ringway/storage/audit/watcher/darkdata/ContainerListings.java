package io.ringway.storage.audit.watcher.darkdata;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingData;
import io.ringway.ring.RingFileReader;
import io.ringway.ring.Rings;
import io.ringway.swift.ObjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the container servers whether they list an object, as Swift's {@code get_info_1} does with
 * {@code direct_get_container(prefix=obj, limit=1)}: every primary replica of the container's
 * partition, all at once.
 */
final class ContainerListings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER_AGENT = "dark-data-watcher " + ProcessHandle.current().pid();

    private final Ring ring;
    private final HttpClient http;
    private final Duration nodeTimeout;

    ContainerListings(Ring ring, HttpClient http, Duration nodeTimeout) {
        this.ring = requireNonNull(ring, "ring");
        this.http = requireNonNull(http, "http");
        this.nodeTimeout = requireNonNull(nodeTimeout, "nodeTimeout");
    }

    /** The container ring of the cluster in {@code swiftDir}, hashed with its {@code swift.conf}. */
    static ContainerListings load(Path swiftDir, Duration connTimeout, Duration nodeTimeout) {
        try {
            RingData data = RingFileReader.read(Rings.file(swiftDir, "container"));
            Ring ring = new Ring(data, SwiftConf.load(swiftDir).hashPath());
            return new ContainerListings(ring, HttpClient.newBuilder().connectTimeout(connTimeout).build(), nodeTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the container ring in " + swiftDir, e);
        }
    }

    /** Whether the object's container lists it on every replica, on some, or could not be told. */
    Listing lookUp(ObjectName name) {
        int partition = ring.partition(name.account(), name.container(), null);
        List<Node> nodes = ring.primaryNodes(partition);
        if (nodes.isEmpty()) {
            return Listing.UNKNOWN;
        }
        List<CompletableFuture<Listing>> answers = nodes.stream()
                .map(node -> ask(node.device(), partition, name))
                .toList();
        boolean failed = false;
        for (CompletableFuture<Listing> answer : answers) {
            Listing listing = answer.join();
            if (listing == Listing.LISTED) {
                return Listing.LISTED;
            }
            failed |= listing == Listing.UNKNOWN;
        }
        return failed ? Listing.UNKNOWN : Listing.NOT_LISTED;
    }

    private CompletableFuture<Listing> ask(Device device, int partition, ObjectName name) {
        URI uri = URI.create("http://" + host(device.ip()) + ":" + device.port() + "/" + quote(device.device()) + "/"
                + partition + "/" + quote(name.account()) + "/" + quote(name.container())
                + "?format=json&limit=1&prefix=" + quote(name.object()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(nodeTimeout)
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> listing(response, name.object()))
                .exceptionally(error -> Listing.UNKNOWN);
    }

    private static Listing listing(HttpResponse<byte[]> response, String object) {
        if (response.statusCode() == 204) {
            return Listing.NOT_LISTED;
        }
        if (response.statusCode() / 100 != 2) {
            return Listing.UNKNOWN;
        }
        JsonNode rows = JSON.readTree(response.body());
        if (!rows.isArray()) {
            return Listing.UNKNOWN;
        }
        return !rows.isEmpty() && object.equals(rows.get(0).path("name").asString()) ? Listing.LISTED
                : Listing.NOT_LISTED;
    }

    private static String host(String ip) {
        return ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
    }

    private static String quote(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the container servers said. */
    enum Listing {
        LISTED, NOT_LISTED, UNKNOWN
    }
}
