package io.ringway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.policy.FederatedPolicy;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTests {

    private static final StoragePolicies POLICIES = new StoragePolicies(List.of(
            new ReplicationPolicy(0, "Policy-0", List.of(), true, false),
            new FederatedPolicy(1, "far", List.of(), false, false, "cluster-b")));

    @Test
    void makesSwiftTargetsByAuthOrByFixedToken() {
        try (Targets targets = Targets.create(federation(Map.of(
                "cluster-b", swift(URI.create("http://127.0.0.1:1/auth/v1.0"), "u", "k", null, null),
                "fixed", swift(null, null, null, URI.create("https://example.invalid/v1/AUTH_x"), "tok"))), POLICIES, new SimpleMeterRegistry())) {
            assertThat(targets.all()).containsOnlyKeys("cluster-b", "fixed");
            assertThat(targets.of((FederatedPolicy) POLICIES.byIndex(1).orElseThrow()).name()).isEqualTo("cluster-b");
        }
    }

    @Test
    void aPolicyNamingNoTargetStopsTheStart() {
        assertThatThrownBy(() -> Targets.create(federation(Map.of()), POLICIES, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("storage-policy:1 (far) names target cluster-b, which ringway.federation.targets does not"
                        + " configure (configured: none)");
    }

    @Test
    void aTargetWithoutCredentialsOrWithABadUrlStopsTheStart() {
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                swift(URI.create("http://127.0.0.1:1/auth/v1.0"), "u", null, null, null))), POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b: auth-url needs user and key");
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                swift(null, null, null, null, null))), POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b: set auth-url with user and key, or storage-url with token");
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                swift(URI.create("ftp://127.0.0.1/auth"), "u", "k", null, null))), POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b.auth-url: ftp://127.0.0.1/auth (expected: an http or"
                        + " https URL with a host)");
    }

    @Test
    void s3TargetsAreRefusedUntilTheyAreBuilt() {
        TargetProperties s3 = new TargetProperties(TargetType.S3, null, null, null, null, null, null, "", null, tls());
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b", s3)), POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b.type: s3 targets are not supported yet (expected: swift)");
    }

    @Test
    void unsetLimitsComeFromTheDefaultsThenTheBuiltInOnes() {
        TargetLimits own = new TargetLimits(java.time.Duration.ofMillis(300), null, null, null, null, null, null);
        TargetLimits shared = new TargetLimits(null, java.time.Duration.ofSeconds(4), 8, null, null, null, null);
        TargetProperties target = new TargetProperties(TargetType.SWIFT, URI.create("http://h/auth"), "u", "k", null,
                null, null, "", own, tls());

        TargetLimits limits = new FederationProperties(Map.of("t", target), shared).limitsOf(target);

        assertThat(limits).isEqualTo(new TargetLimits(java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(4),
                8, TargetLimits.BUILT_IN.maxConcurrentRequests(), TargetLimits.BUILT_IN.failureRateThreshold(),
                TargetLimits.BUILT_IN.minimumRequests(), TargetLimits.BUILT_IN.openDuration()));
    }

    static TargetProperties swift(URI authUrl, String user, String key, URI storageUrl, String token) {
        return new TargetProperties(TargetType.SWIFT, authUrl, user, key, storageUrl, token, null, "", null, tls());
    }

    static TargetProperties.Tls tls() {
        return new TargetProperties.Tls(true, null, null, "PKCS12");
    }

    private static FederationProperties federation(Map<String, TargetProperties> targets) {
        return new FederationProperties(targets, null);
    }
}
