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
    void makesS3TargetsWithEndpointKeysAndAValidBucketTemplate() {
        try (Targets targets = Targets.create(federation(Map.of("cluster-b",
                s3(URI.create("http://127.0.0.1:1"), "ak", "sk", "ringway-{account}-{container}"))), POLICIES,
                new SimpleMeterRegistry())) {
            Target target = targets.all().get("cluster-b");
            assertThat(target.health().type()).isEqualTo("s3");
            assertThat(target.keepsContainerMetadata()).isFalse();
            assertThat(target.refusedContainer("AUTH_test", "Photos_2024")).isNull();
            assertThat(target.refusedContainer("AUTH_" + "a".repeat(53), "Photos_2024"))
                    .startsWith("Container name not allowed");
        }
    }

    @Test
    void anS3TargetWithoutEndpointKeysOrWithABadBucketTemplateStopsTheStart() {
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b", s3(null, "ak", "sk", "{container}"))),
                POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b: an s3 target needs endpoint");
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                s3(URI.create("http://127.0.0.1:1"), "ak", null, "{container}"))), POLICIES, new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b: an s3 target needs access-key and secret-key");
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                s3(URI.create("http://127.0.0.1:1"), "ak", "sk", "Ringway_{container}"))), POLICIES,
                new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b.bucket: 'Ringway_{container}': bucket names allow"
                        + " only a-z, 0-9, '.' and '-' besides {account} and {container}");
        assertThatThrownBy(() -> Targets.create(federation(Map.of("cluster-b",
                s3(URI.create("http://127.0.0.1:1"), "ak", "sk", "ringway-{account}"))), POLICIES,
                new SimpleMeterRegistry()))
                .hasMessage("ringway.federation.targets.cluster-b.bucket: 'ringway-{account}' must hold {container}:"
                        + " each container needs a bucket of its own");
    }

    @Test
    void unsetLimitsComeFromTheDefaultsThenTheBuiltInOnes() {
        TargetLimits own = new TargetLimits(java.time.Duration.ofMillis(300), null, null, null, null, null, null);
        TargetLimits shared = new TargetLimits(null, java.time.Duration.ofSeconds(4), 8, null, null, null, null);
        TargetProperties target = new TargetProperties(TargetType.SWIFT, URI.create("http://h/auth"), "u", "k", null,
                null, null, "", null, "us-east-1", null, null, TargetProperties.UrlStyle.PATH, "{account}-{container}", own, tls());

        TargetLimits limits = new FederationProperties(Map.of("t", target), shared).limitsOf(target);

        assertThat(limits).isEqualTo(new TargetLimits(java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(4),
                8, TargetLimits.BUILT_IN.maxConcurrentRequests(), TargetLimits.BUILT_IN.failureRateThreshold(),
                TargetLimits.BUILT_IN.minimumRequests(), TargetLimits.BUILT_IN.openDuration()));
    }

    static TargetProperties swift(URI authUrl, String user, String key, URI storageUrl, String token) {
        return new TargetProperties(TargetType.SWIFT, authUrl, user, key, storageUrl, token, null, "", null, "us-east-1", null, null, TargetProperties.UrlStyle.PATH, "{account}-{container}", null,
                tls());
    }

    static TargetProperties s3(URI endpoint, String accessKey, String secretKey, String bucket) {
        return new TargetProperties(TargetType.S3, null, null, null, null, null, null, "", endpoint, "us-east-1",
                accessKey, secretKey, TargetProperties.UrlStyle.PATH, bucket, null, tls());
    }

    static TargetProperties.Tls tls() {
        return new TargetProperties.Tls(true, null, null, "PKCS12");
    }

    private static FederationProperties federation(Map<String, TargetProperties> targets) {
        return new FederationProperties(targets, null);
    }
}
