package io.ringway.backend;

import io.ringway.ring.Node;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * Which object PUT carries which container update, as Swift's {@code _backend_requests}: the
 * container replicas are dealt round-robin over the object requests until there are
 * {@code max(Qc + Ro - Qo, Rc)} updates ({@code num_container_updates}), so that a successful PUT
 * always leaves a durable update and every container replica is named at least once.
 */
public final class ContainerUpdateHeaders {

    private ContainerUpdateHeaders() {
    }

    /**
     * Swift's {@code num_container_updates(Rc, Qc, n_outgoing, policy.quorum)}: the object quorum
     * is the policy's, also when a DELETE asks more nodes than there are replicas.
     */
    static int updatesNeeded(int containerReplicas, int outgoing, int objectReplicas) {
        int containerQuorum = BestResponse.quorumSize(containerReplicas);
        int objectQuorum = BestResponse.quorumSize(objectReplicas);
        return Math.max(containerQuorum + outgoing - objectQuorum, containerReplicas);
    }

    /**
     * The container headers of each of {@code outgoing} object requests (empty when no target);
     * {@code outgoing} exceeds {@code objectReplicas} for a DELETE that also asks local handoffs.
     */
    public static List<HttpHeaders> assign(int outgoing, int objectReplicas, ContainerTarget target) {
        List<List<Node>> perRequest = new ArrayList<>();
        for (int i = 0; i < outgoing; i++) {
            perRequest.add(new ArrayList<>());
        }
        List<Node> containers = target.nodes();
        int needed = containers.isEmpty() ? 0 : updatesNeeded(containers.size(), outgoing, objectReplicas);
        for (int update = 0; update < needed; update++) {
            perRequest.get(update % outgoing).add(containers.get(update % containers.size()));
        }
        List<HttpHeaders> headers = new ArrayList<>();
        for (List<Node> nodes : perRequest) {
            HttpHeaders h = new HttpHeaders();
            if (!nodes.isEmpty()) {
                h.set("X-Container-Partition", Integer.toString(target.partition()));
                h.set("X-Container-Host", String.join(",",
                        nodes.stream().map(n -> BackendPaths.hostPort(n.device())).toList()));
                h.set("X-Container-Device", String.join(",",
                        nodes.stream().map(n -> n.device().device()).toList()));
            }
            headers.add(h);
        }
        return headers;
    }
}
