package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Swift's {@code ProxyOverrideOptions} parsing and its affinity functions
 * ({@code affinity_key_function}, {@code affinity_locality_predicate}); expected values were
 * checked with Swift 2.30.1's own functions.
 */
class PolicyOptionsTests {

    private static Device device(int region, int zone) {
        return Device.of(0, region, zone, "10.0.0.1", 6200, "sda", 100);
    }

    private static PolicyOptions write(String affinity, String nodeCount, String deleteCount) {
        return PolicyOptions.of("shuffle", "", affinity, nodeCount, deleteCount);
    }

    @Test
    void readAffinityGivesTheLowestPriorityOfTheMatchingRulesWhateverTheirOrder() {
        ReadAffinity affinity = ReadAffinity.parse("r1=200, r1z1=100");

        assertThat(affinity.priority(device(1, 1))).isEqualTo(100);
        assertThat(affinity.priority(device(1, 2))).isEqualTo(200);
        assertThat(affinity.priority(device(2, 1))).isEqualTo(4_294_967_296L);
    }

    @Test
    void readAffinityBlankKeepsEveryNodeEqual() {
        assertThat(ReadAffinity.parse("  ").priority(device(7, 3))).isZero();
        assertThat(ReadAffinity.parse(" r1=1 ,r2=2 ").priority(device(2, 5))).isEqualTo(2);
    }

    @Test
    void readAffinityRefusesWhatSwiftRefuses() {
        for (String bad : List.of("r1=1,", "r1 = 1", "r1z1", "x", "r1=1,,r2=2")) {
            assertThatThrownBy(() -> ReadAffinity.parse(bad))
                    .as(bad)
                    .hasMessage("readAffinity: " + bad + " (expected: rules like r1z1=100, r2=200)");
        }
    }

    @Test
    void writeAffinityNamesLocalRegionsAndZones() {
        PolicyOptions options = write("r1, r2z2", "2 * replicas", "auto");

        assertThat(options.hasWriteAffinity()).isTrue();
        assertThat(options.isLocal(device(1, 9))).isTrue();
        assertThat(options.isLocal(device(2, 2))).isTrue();
        assertThat(options.isLocal(device(2, 1))).isFalse();
        assertThat(write(" ", "2 * replicas", "auto").hasWriteAffinity()).isFalse();
        assertThat(write(" r1 ", "2 * replicas", "auto").isLocal(device(1, 1))).isTrue();
    }

    @Test
    void writeAffinityRefusesWhatSwiftRefuses() {
        for (String bad : List.of("r1,", "r1 z2", "r1=1")) {
            assertThatThrownBy(() -> write(bad, "2 * replicas", "auto"))
                    .as(bad)
                    .hasMessage("writeAffinity: " + bad + " (expected: regions or zones like r1, r2z2)");
        }
    }

    @Test
    void writeAffinityNodeCountIsANumberOrTimesReplicasAsInSwift() {
        assertThat(write("r1", "2 * replicas", "auto").writeAffinityNodeCount(3)).isEqualTo(6);
        assertThat(write("r1", " 3 * REPLICAS ", "auto").writeAffinityNodeCount(2)).isEqualTo(6);
        assertThat(write("r1", "5", "auto").writeAffinityNodeCount(3)).isEqualTo(5);
        assertThatThrownBy(() -> write("r1", "2*replicas", "auto"))
                .hasMessage("writeAffinityNodeCount: 2*replicas (expected: an integer or \"<integer> * replicas\")");
        assertThatThrownBy(() -> write("r1", "2 * nodes", "auto"))
                .hasMessageStartingWith("writeAffinityNodeCount: 2 * nodes");
    }

    @Test
    void handoffDeleteCountIsAutoOrANumber() {
        List<Node> primaries = List.of(new Node(device(1, 1), 0, false), new Node(device(2, 1), 1, false),
                new Node(device(2, 2), 2, false));

        assertThat(write("r1", "2 * replicas", "AUTO").localHandoffsForDelete(primaries)).isEqualTo(2);
        assertThat(write("r1", "2 * replicas", "1").localHandoffsForDelete(primaries)).isEqualTo(1);
        assertThat(write("", "2 * replicas", "1").localHandoffsForDelete(primaries)).isZero();
        assertThatThrownBy(() -> write("r1", "2 * replicas", "some"))
                .hasMessage("writeAffinityHandoffDeleteCount: some (expected: a non-negative integer or auto)");
    }

    @Test
    void sortingMethodIsCaseInsensitiveAsInSwift() {
        assertThat(PolicyOptions.of("Affinity", "", "", "2 * replicas", "auto").sortingMethod()).isEqualTo("affinity");
        assertThatThrownBy(() -> PolicyOptions.of("random", "", "", "2 * replicas", "auto"))
                .hasMessage("sortingMethod: random (expected: shuffle, timing or affinity)");
    }

    @Test
    void aPolicyOverrideTakesTheProxysValueForWhatItLeavesOut() {
        BackendSettings settings = BackendSettings.defaults()
                .withWriteAffinity("r1", "4", "auto")
                .withPolicy(2, new PolicyOverrides("affinity", "r2=1", null, null, "3"));
        NodeSelection selection = settings.nodeSelection();

        PolicyOptions two = selection.options(2);
        assertThat(two.sortingMethod()).isEqualTo("affinity");
        assertThat(two.readPriority(device(2, 1))).isEqualTo(1);
        assertThat(two.isLocal(device(1, 1))).isTrue();
        assertThat(two.writeAffinityNodeCount(3)).isEqualTo(4);
        assertThat(two.localHandoffsForDelete(List.of(new Node(device(1, 1), 0, false)))).isEqualTo(3);
        assertThat(selection.options(0).sortingMethod()).isEqualTo("shuffle");
        assertThat(selection.options(null)).isSameAs(selection.options(7));
        assertThat(selection.overriddenPolicies()).containsExactly(2);
    }

    @Test
    void aBadPolicyOverrideFailsNamingThePolicy() {
        assertThatThrownBy(() -> BackendSettings.defaults()
                .withPolicy(1, PolicyOverrides.none().withWriteAffinity("r1z", "2 * replicas", "auto")))
                .hasMessage("policies.1.writeAffinity: r1z (expected: regions or zones like r1, r2z2)");
    }
}
