package io.ringway.proxy.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class AccountUpdateHeadersTests {

    @Test
    void givesEachContainerReplicaOneAccountReplica() {
        HttpHeaders common = new HttpHeaders();
        common.set("X-Timestamp", "1.00000");

        List<HttpHeaders> headers = AccountUpdateHeaders.assign(3, common, 7, accounts(3));

        assertThat(headers).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(headers.get(i).getFirst("X-Timestamp")).isEqualTo("1.00000");
            assertThat(headers.get(i).getFirst("X-Account-Partition")).isEqualTo("7");
            assertThat(headers.get(i).getFirst("X-Account-Host")).isEqualTo("10.0.0." + i + ":6202");
            assertThat(headers.get(i).getFirst("X-Account-Device")).isEqualTo("d" + i);
        }
    }

    @Test
    void dealsExtraAccountReplicasRoundRobinCommaSeparated() {
        List<HttpHeaders> headers = AccountUpdateHeaders.assign(2, new HttpHeaders(), 1, accounts(3));

        assertThat(headers.get(0).getFirst("X-Account-Host")).isEqualTo("10.0.0.0:6202,10.0.0.2:6202");
        assertThat(headers.get(0).getFirst("X-Account-Device")).isEqualTo("d0,d2");
        assertThat(headers.get(1).getFirst("X-Account-Host")).isEqualTo("10.0.0.1:6202");
    }

    @Test
    void leavesContainerReplicasBeyondTheAccountsWithoutUpdates() {
        List<HttpHeaders> headers = AccountUpdateHeaders.assign(3, new HttpHeaders(), 1, accounts(2));

        assertThat(headers.get(2).containsHeader("X-Account-Host")).isFalse();
        assertThat(headers.get(2).containsHeader("X-Account-Partition")).isFalse();
    }

    private static List<Node> accounts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Node(Device.of(i, 1, 1, "10.0.0." + i, 6202, "d" + i, 100), i, false))
                .toList();
    }
}
