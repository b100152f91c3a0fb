package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Swift's small decisions, ported: quorum, best response, Range fast-forward, container update assignment. */
class BackendDecisionsTests {

    @Test
    void quorumIsHalfRoundedUp() {
        assertThat(BestResponse.quorumSize(1)).isEqualTo(1);
        assertThat(BestResponse.quorumSize(2)).isEqualTo(1);
        assertThat(BestResponse.quorumSize(3)).isEqualTo(2);
        assertThat(BestResponse.quorumSize(4)).isEqualTo(2);
        assertThat(BestResponse.quorumSize(5)).isEqualTo(3);
    }

    @Test
    void bestResponseNeedsAQuorumOfAClass() {
        assertThat(BestResponse.pick(List.of(201, 201, 503), 2)).isEqualTo(0);
        assertThat(BestResponse.pick(List.of(404, 404, 404), 2)).isEqualTo(0);
        assertThat(BestResponse.pick(List.of(404, 412, 503), 2)).isEqualTo(1);
        assertThat(BestResponse.pick(List.of(201, 404, 503), 2)).isEqualTo(-1);
        assertThat(BestResponse.pick(List.of(), 0)).isEqualTo(-1);
    }

    @Test
    void haveQuorumOnceAClassHasAQuorum() {
        assertThat(BestResponse.haveQuorum(List.of(201), 3)).isFalse();
        assertThat(BestResponse.haveQuorum(List.of(201, 503), 3)).isFalse();
        assertThat(BestResponse.haveQuorum(List.of(201, 201), 3)).isTrue();
    }

    @Test
    void fastForwardsTheRange() {
        assertThat(ResumeRange.fastForward(null, 100).range()).isEqualTo("bytes=100-");
        assertThat(ResumeRange.fastForward("bytes=10-", 100).range()).isEqualTo("bytes=110-");
        assertThat(ResumeRange.fastForward("bytes=10-499", 100).range()).isEqualTo("bytes=110-499");
        assertThat(ResumeRange.fastForward("bytes=-500", 100).range()).isEqualTo("bytes=-400");
        assertThat(ResumeRange.fastForward("bytes=10-109", 100).outcome()).isEqualTo(ResumeRange.Outcome.COMPLETE);
        assertThat(ResumeRange.fastForward("bytes=-100", 100).outcome()).isEqualTo(ResumeRange.Outcome.COMPLETE);
        assertThat(ResumeRange.fastForward("bytes=10-20", 100).outcome())
                .isEqualTo(ResumeRange.Outcome.UNSATISFIABLE);
        assertThat(ResumeRange.fastForward("bytes=0-1,5-9", 1).outcome()).isEqualTo(ResumeRange.Outcome.UNSUPPORTED);
    }

    @Test
    void dealsContainerUpdatesAsSwift() {
        List<Node> containers = List.of(node(0, 6201, "sdc"), node(1, 6202, "sdd"), node(2, 6203, "sde"));

        List<HttpHeaders> headers = ContainerUpdateHeaders.assign(3, 3, new ContainerTarget(7, containers));

        assertThat(ContainerUpdateHeaders.updatesNeeded(3, 3, 3)).isEqualTo(3);
        assertThat(headers).extracting(h -> h.getFirst("X-Container-Host"))
                .containsExactly("10.0.0.1:6201", "10.0.0.1:6202", "10.0.0.1:6203");
        assertThat(headers).extracting(h -> h.getFirst("X-Container-Device")).containsExactly("sdc", "sdd", "sde");
        assertThat(headers).extracting(h -> h.getFirst("X-Container-Partition")).containsOnly("7");
    }

    @Test
    void sendsExtraContainerUpdatesWhenObjectReplicasOutnumberContainers() {
        List<Node> containers = List.of(node(0, 6201, "sdc"), node(1, 6202, "sdd"));

        List<HttpHeaders> headers = ContainerUpdateHeaders.assign(5, 5, new ContainerTarget(7, containers));

        // Qc + Ro - Qo = 1 + 5 - 3 = 3 updates, dealt round-robin.
        assertThat(headers).extracting(h -> h.getFirst("X-Container-Host"))
                .containsExactly("10.0.0.1:6201", "10.0.0.1:6202", "10.0.0.1:6201", null, null);
    }

    @Test
    void givesSeveralUpdatesToOneRequestWhenContainersOutnumberObjectReplicas() {
        List<Node> containers = List.of(node(0, 6201, "sdc"), node(1, 6202, "sdd"), node(2, 6203, "sde"));

        List<HttpHeaders> headers = ContainerUpdateHeaders.assign(2, 2, new ContainerTarget(7, containers));

        assertThat(headers.get(0).getFirst("X-Container-Host")).isEqualTo("10.0.0.1:6201,10.0.0.1:6203");
        assertThat(headers.get(0).getFirst("X-Container-Device")).isEqualTo("sdc,sde");
        assertThat(headers.get(1).getFirst("X-Container-Host")).isEqualTo("10.0.0.1:6202");
    }

    @Test
    void aDeleteToLocalHandoffsCountsTheUpdatesWithThePolicysQuorum() {
        List<Node> containers = List.of(node(0, 6201, "sdc"), node(1, 6202, "sdd"), node(2, 6203, "sde"));

        // 3 primaries and 1 local handoff: Qc + n_outgoing - Qo = 2 + 4 - 2 = 4 updates (not 2 + 4 - 3).
        List<HttpHeaders> headers = ContainerUpdateHeaders.assign(4, 3, new ContainerTarget(7, containers));

        assertThat(ContainerUpdateHeaders.updatesNeeded(3, 4, 3)).isEqualTo(4);
        assertThat(headers).extracting(h -> h.getFirst("X-Container-Host"))
                .containsExactly("10.0.0.1:6201", "10.0.0.1:6202", "10.0.0.1:6203", "10.0.0.1:6201");
    }

    @Test
    void quotesBackendPathsAsSwift() {
        assertThat(BackendPaths.quote("/sda/1/AUTH_test/c/a b/ü?")).isEqualTo("/sda/1/AUTH_test/c/a%20b/%C3%BC%3F");
    }

    private static Node node(int id, int port, String device) {
        return new Node(Device.of(id, 1, id + 1, "10.0.0.1", port, device, 100), id, false);
    }
}
