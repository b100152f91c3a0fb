package io.ringway.proxy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.FederatedPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ForwardingTests {

    private static final FederatedPolicy POLICY = new FederatedPolicy(3, "far", List.of(), false, false, "cluster-b");

    @Test
    void noCredentialOrConnectionHeaderOfTheClientReachesTheTarget() {
        HttpHeaders client = new HttpHeaders();
        for (String name : List.of("X-Auth-Token", "X-Storage-Token", "X-Service-Token", "Authorization", "Cookie",
                "Host", "Connection", "Expect", "Content-Length", "Transfer-Encoding", "X-Timestamp", "X-Trans-Id")) {
            client.set(name, "secret");
        }
        client.set("X-Object-Meta-Color", "blue");
        client.set("Range", "bytes=1-2");
        client.set("If-None-Match", "*");

        HttpHeaders sent = Forwarding.requestHeaders(client);

        assertThat(sent.headerNames()).containsExactlyInAnyOrder("X-Object-Meta-Color", "Range", "If-None-Match");
    }

    @Test
    void theTargetsTransactionAndConnectionStayThereAndThePolicyIsOurs() {
        HttpHeaders remote = new HttpHeaders();
        remote.set("X-Trans-Id", "tx-remote");
        remote.set("X-Openstack-Request-Id", "tx-remote");
        remote.set("Set-Cookie", "session=1");
        remote.set("Transfer-Encoding", "chunked");
        remote.set("Date", "Sun, 22 Nov 2026 10:00:00 GMT");
        remote.set("X-Storage-Policy", "Policy-0");
        remote.set("X-Container-Object-Count", "4");
        remote.set("ETag", "abc");

        HttpHeaders answered = Forwarding.responseHeaders(remote, POLICY);

        assertThat(answered.headerNames()).containsExactlyInAnyOrder("X-Storage-Policy", "X-Container-Object-Count",
                "ETag");
        assertThat(answered.getFirst("X-Storage-Policy")).isEqualTo("far");
    }

    @Test
    void refusedCredentialsAndTargetFailuresAre503OtherErrorsKeepTheirStatus() {
        assertThat(Forwarding.statusFor(401)).isEqualTo(503);
        assertThat(Forwarding.statusFor(403)).isEqualTo(503);
        assertThat(Forwarding.statusFor(500)).isEqualTo(503);
        assertThat(Forwarding.statusFor(507)).isEqualTo(503);
        assertThat(Forwarding.statusFor(404)).isEqualTo(404);
        assertThat(Forwarding.statusFor(409)).isEqualTo(409);
        assertThat(Forwarding.statusFor(412)).isEqualTo(412);
        assertThat(Forwarding.statusFor(416)).isEqualTo(416);
    }
}
