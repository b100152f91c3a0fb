package io.ringway.proxy.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.api.error.GatewayException;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class PolicyChoiceTests {

    private static final StoragePolicies POLICIES = new StoragePolicies(List.of(
            new ReplicationPolicy(0, "Policy-0", List.of(), true, false),
            new ReplicationPolicy(1, "gold", List.of("yellow"), false, false),
            new ReplicationPolicy(2, "old", List.of(), false, true)));

    @Test
    void findsThePolicyByNameOrAliasInAnyCase() {
        assertThat(PolicyChoice.index(header("gold"), POLICIES)).isEqualTo(1);
        assertThat(PolicyChoice.index(header("YELLOW"), POLICIES)).isEqualTo(1);
        assertThat(PolicyChoice.index(header("policy-0"), POLICIES)).isZero();
    }

    @Test
    void namesNoPolicyWithoutTheHeaderOrWithAnEmptyOne() {
        assertThat(PolicyChoice.index(new HttpHeaders(), POLICIES)).isNull();
        assertThat(PolicyChoice.index(header(""), POLICIES)).isNull();
    }

    @Test
    void refusesUnknownAndDeprecatedPoliciesWithSwiftsBodies() {
        assertThatThrownBy(() -> PolicyChoice.index(header("tin"), POLICIES))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).isEqualTo("Invalid X-Storage-Policy 'tin'");
                    assertThat(e.contentType()).isEqualTo("text/plain");
                });
        assertThatThrownBy(() -> PolicyChoice.index(header("OLD"), POLICIES))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).isEqualTo("Storage Policy 'old' is deprecated");
                });
    }

    private static HttpHeaders header(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Storage-Policy", value);
        return headers;
    }
}
