package io.ringway.storage.container;

import java.util.ArrayList;
import java.util.List;

/**
 * The account servers a container reports to: Swift's {@code X-Account-Host} and
 * {@code X-Account-Device} (comma-separated, pairwise) and {@code X-Account-Partition}.
 */
record AccountTarget(String hosts, String devices, String partition) {

    /** One account server replica. */
    record Node(String host, int port, String device) {
    }

    /** True when the lists differ in length: Swift answers 400 then. */
    boolean mismatched() {
        return split(hosts).size() != split(devices).size();
    }

    /** The nodes to update; none without a partition, as Swift skips the update then. */
    List<Node> nodes() {
        if (partition.isEmpty() || mismatched()) {
            return List.of();
        }
        List<String> hostList = split(hosts);
        List<String> deviceList = split(devices);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < hostList.size(); i++) {
            String host = hostList.get(i);
            int colon = host.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                nodes.add(new Node(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)),
                        deviceList.get(i)));
            } catch (NumberFormatException e) {
                // Swift logs the failed connection and moves on; so does this.
            }
        }
        return nodes;
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            parts.add(part.strip());
        }
        return parts;
    }
}
