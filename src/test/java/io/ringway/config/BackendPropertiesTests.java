package io.ringway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.backend.BackendSettings;
import io.ringway.backend.NodeSelection;
import io.ringway.backend.PolicyOverrides;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.StoragePolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code ringway.backend.*} binds Swift's proxy option names onto the data path's settings. */
class BackendPropertiesTests {

    private static BackendSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ringway.backend", Bindable.of(BackendProperties.class))
                .toSettings();
    }

    @Test
    void withoutPropertiesGivesSwiftsDefaults() {
        assertThat(bind(Map.of())).isEqualTo(BackendSettings.defaults());
    }

    @Test
    void bindsSwiftsOptionNamesWithBareNumbersAsSeconds() {
        BackendSettings settings = bind(Map.of(
                "ringway.backend.conn_timeout", "250ms",
                "ringway.backend.node_timeout", "3",
                "ringway.backend.recoverable_node_timeout", "1",
                "ringway.backend.post_quorum_timeout", "200ms",
                "ringway.backend.error_suppression_limit", "100",
                "ringway.backend.error_suppression_interval", "30",
                "ringway.backend.sorting_method", "affinity",
                "ringway.backend.read_affinity", "r1z1=100, r1z2=200",
                "ringway.backend.request_node_count", "3 * replicas"));

        assertThat(settings.connTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.nodeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.recoverableNodeTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.postQuorumTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.errorSuppressionLimit()).isEqualTo(100);
        assertThat(settings.errorSuppressionInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.sortingMethod()).isEqualTo("affinity");
        assertThat(settings.readAffinity()).isEqualTo("r1z1=100, r1z2=200");
        assertThat(settings.requestNodeCount(3)).isEqualTo(9);
    }

    @Test
    void recoverableNodeTimeoutDefaultsToNodeTimeoutAsInSwift() {
        BackendSettings settings = bind(Map.of("ringway.backend.node-timeout", "4s"));

        assertThat(settings.recoverableNodeTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void bindsWriteAffinityAndPerPolicyOverrides() {
        BackendSettings settings = bind(Map.of(
                "ringway.backend.write_affinity", "r1",
                "ringway.backend.write_affinity_node_count", "3",
                "ringway.backend.write_affinity_handoff_delete_count", "1",
                "ringway.backend.policies.1.sorting_method", "affinity",
                "ringway.backend.policies.1.read_affinity", "r2=100",
                "ringway.backend.policies.1.write_affinity", "r2",
                "ringway.backend.policies[2].write-affinity-node-count", "1 * replicas"));

        assertThat(settings.writeAffinity()).isEqualTo("r1");
        assertThat(settings.writeAffinityNodeCount()).isEqualTo("3");
        assertThat(settings.writeAffinityHandoffDeleteCount()).isEqualTo("1");
        assertThat(settings.policies()).containsOnlyKeys(1, 2);
        assertThat(settings.policies().get(1))
                .isEqualTo(new PolicyOverrides("affinity", "r2=100", "r2", null, null));
        assertThat(settings.policies().get(2))
                .isEqualTo(new PolicyOverrides(null, null, null, "1 * replicas", null));
        NodeSelection selection = settings.nodeSelection();
        assertThat(selection.options(1).sortingMethod()).isEqualTo("affinity");
        assertThat(selection.options(2).writeAffinityNodeCount(3)).isEqualTo(3);
        assertThat(selection.options(0).writeAffinityNodeCount(3)).isEqualTo(3);
    }

    @Test
    void anOverrideOfAPolicySwiftConfDoesNotDefineFailsTheStart() {
        BackendSettings settings = bind(Map.of("ringway.backend.policies.3.write_affinity", "r1"));
        StoragePolicies policies = new StoragePolicies(List.of(
                new ReplicationPolicy(0, "gold", List.of(), true, false),
                new ReplicationPolicy(1, "silver", List.of(), false, false)));

        assertThatThrownBy(() -> new BackendConfiguration().nodeSelection(settings, policies))
                .hasMessage("ringway.backend.policies.3: no policy found for override config, index: 3");
        BackendSettings known = bind(Map.of("ringway.backend.policies.1.write_affinity", "r1"));
        assertThat(new BackendConfiguration().nodeSelection(known, policies).options(1).hasWriteAffinity()).isTrue();
    }

    @Test
    void rejectsAnUnknownSortingMethod() {
        assertThatThrownBy(() -> bind(Map.of("ringway.backend.sorting_method", "random")))
                .hasMessage("sortingMethod: random (expected: shuffle, timing or affinity)");
    }
}
