package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.ring.Device;
import io.ringway.ring.Node;
import io.ringway.ring.Ring;
import io.ringway.ring.RingBuilder;
import io.ringway.testing.storage.TestNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node orders of object requests under {@code write_affinity}, as Swift 2.30's
 * {@code iter_nodes_local_first}, on a ring of two regions of four devices each (region 1 is
 * local). Expected orders are built from the ring's primaries and handoffs, whose order the ring
 * tests check against Swift.
 */
class LocalFirstTests {

    private static final Ring RING = ring();

    private static Ring ring() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(Device.of(i, 1 + i / 4, 1 + i % 4, "10.0." + i + ".1", 6200, "sda", 100));
        }
        return new Ring(RingBuilder.build(devices, 6, 3, RingBuilder.DEFAULT_SEED), TestNode.HASH_PATH);
    }

    /** A partition with exactly {@code local} primaries in region 1. */
    private static int partitionWithLocalPrimaries(int local) {
        return IntStream.range(0, RING.partitionCount())
                .filter(p -> RING.primaryNodes(p).stream().filter(n -> n.device().region() == 1).count() == local)
                .findFirst()
                .orElseThrow();
    }

    private final List<StorageNodeClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(StorageNodeClient::close);
    }

    private StorageNodes nodes(BackendSettings settings) {
        StorageNodeClient client = new StorageNodeClient(settings);
        clients.add(client);
        return new StorageNodes(client, new NodeHealth(settings, Clock.systemUTC()),
                new NodeTimings(settings, Clock.systemUTC()), new Random(1));
    }

    private static List<Node> drain(Iterator<Node> nodes) {
        List<Node> all = new ArrayList<>();
        nodes.forEachRemaining(all::add);
        return all;
    }

    private static List<Node> ringOrder(int partition) {
        List<Node> all = new ArrayList<>(RING.primaryNodes(partition));
        RING.handoffNodes(partition).forEach(all::add);
        return all;
    }

    private static boolean local(Node node) {
        return node.device().region() == 1;
    }

    @Test
    void aPutTriesEveryLocalNodeBeforeAnyRemoteOneUpToTwiceTheReplicas() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1", "2 * replicas", "auto");

        List<Node> order = drain(nodes(settings).iterateLocalFirst(RING, partition, 0));

        // Only 4 local devices: all of them first (the first 3, the "primaries", shuffled), then remote primaries.
        List<Node> ring = ringOrder(partition);
        List<Node> locals = ring.stream().filter(LocalFirstTests::local).toList();
        assertThat(order).hasSize(6);
        assertThat(order.subList(0, 3)).containsExactlyInAnyOrderElementsOf(locals.subList(0, 3));
        assertThat(order.get(3)).isEqualTo(locals.get(3));
        assertThat(order.subList(4, 6)).containsExactlyElementsOf(
                RING.primaryNodes(partition).stream().filter(n -> !local(n)).toList());
    }

    @Test
    void writeAffinityNodeCountLimitsTheLocalNodesPutFirst() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1", "2", "auto");

        List<Node> order = drain(LocalFirst.forWrite(RING, partition,
                settings.nodeSelection().options(0)));

        List<Node> ring = ringOrder(partition);
        List<Node> preferred = ring.stream().filter(LocalFirstTests::local).limit(2).toList();
        List<Node> rest = ring.stream().filter(n -> !preferred.contains(n)).toList();
        assertThat(order.subList(0, 2)).containsExactlyElementsOf(preferred);
        assertThat(order.subList(2, order.size())).containsExactlyElementsOf(rest);
    }

    @Test
    void aPutKeepsRingOrderWithoutWriteAffinity() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults()
                .withReadAffinity("r1z1=1, r1z2=2, r1z3=3, r1z4=4, r2z1=5, r2z2=6, r2z3=7, r2z4=8");

        List<Node> order = drain(nodes(settings).iterateLocalFirst(RING, partition, 0));

        List<Node> ring = ringOrder(partition);
        assertThat(order.subList(0, 3)).containsExactlyElementsOf(RING.primaryNodes(partition).stream()
                .sorted(java.util.Comparator.comparingInt(Node::deviceId))
                .toList());
        assertThat(order.subList(3, 6)).containsExactlyElementsOf(ring.subList(3, 6));
    }

    @Test
    void aPutSkipsAnErrorLimitedLocalNodeForTheNextLocalOne() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1", "2 * replicas", "auto");
        StorageNodes nodes = nodes(settings);
        List<Node> locals = ringOrder(partition).stream().filter(LocalFirstTests::local).toList();
        nodes.health().limit(locals.get(0).device(), "ERROR Insufficient Storage");

        List<Node> order = drain(nodes.iterateLocalFirst(RING, partition, 0));

        assertThat(order.subList(0, 3)).containsExactlyInAnyOrderElementsOf(locals.subList(1, 4));
        assertThat(order).doesNotContain(locals.get(0)).allMatch(n -> order.indexOf(n) < 3 || !local(n));
    }

    @Test
    void aDeleteAsksOneLocalHandoffPerRemotePrimary() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1", "2 * replicas", "auto");
        List<Node> primaries = RING.primaryNodes(partition);

        int count = settings.nodeSelection().objectDeleteNodeCount(RING, partition, 0);
        List<Node> order = drain(nodes(settings).iterateLocalHandoffsFirst(RING, partition, 0));

        List<Node> localHandoffs = RING.handoffNodes(partition).filter(LocalFirstTests::local).limit(2).toList();
        assertThat(count).isEqualTo(5);
        assertThat(order.subList(0, 3)).containsExactlyInAnyOrderElementsOf(primaries);
        assertThat(order.subList(3, 5)).containsExactlyElementsOf(localHandoffs);
    }

    @Test
    void aDeleteAsksAsManyLocalHandoffsAsTheDeleteCountSays() {
        int partition = partitionWithLocalPrimaries(2);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1", "2 * replicas", "2");

        int count = settings.nodeSelection().objectDeleteNodeCount(RING, partition, 0);
        List<Node> order = drain(LocalFirst.forDelete(RING, partition, settings.nodeSelection().options(0), 2));

        List<Node> handoffs = RING.handoffNodes(partition).toList();
        List<Node> localHandoffs = handoffs.stream().filter(LocalFirstTests::local).limit(2).toList();
        assertThat(count).isEqualTo(5);
        assertThat(order.subList(0, 3)).containsExactlyElementsOf(RING.primaryNodes(partition));
        assertThat(order.subList(3, 5)).containsExactlyElementsOf(localHandoffs);
        // As in Swift, the walk goes on after the last local handoff: remote ones passed on the way are not asked.
        int last = handoffs.indexOf(localHandoffs.get(1));
        assertThat(order.subList(5, order.size()))
                .containsExactlyElementsOf(handoffs.subList(last + 1, handoffs.size()));
    }

    @Test
    void aDeleteWithLocalPrimariesOnlyAsksNoHandoffUnderAuto() {
        int partition = partitionWithLocalPrimaries(2);
        BackendSettings settings = BackendSettings.defaults().withWriteAffinity("r1, r2", "2 * replicas", "auto");

        assertThat(settings.nodeSelection().objectDeleteNodeCount(RING, partition, 0)).isEqualTo(3);
        List<Node> order = drain(LocalFirst.forDelete(RING, partition, settings.nodeSelection().options(0), 0));
        assertThat(order).containsExactlyElementsOf(ringOrder(partition));
    }

    @Test
    void aDeleteWithoutWriteAffinityAsksThePrimariesOnly() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults();

        assertThat(settings.nodeSelection().objectDeleteNodeCount(RING, partition, 0)).isEqualTo(3);
    }

    @Test
    void aPolicysOverridesApplyToItsObjectsOnly() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults()
                .withPolicy(1, PolicyOverrides.none().withWriteAffinity("r2", "2 * replicas", "auto")
                        .withReadAffinity("r2=1"));
        StorageNodes nodes = nodes(settings);

        List<Node> policy1 = drain(nodes.iterateLocalFirst(RING, partition, 1));
        List<Node> policy0 = drain(nodes.iterateLocalFirst(RING, partition, 0));
        List<Node> policy1Get = drain(nodes.iterate(RING, partition, 1));

        // Policy 1: region 2 is local (4 devices) and read first; policy 0 keeps the proxy's ring order.
        assertThat(policy1.subList(0, 4)).noneMatch(LocalFirstTests::local);
        assertThat(policy0.subList(3, 6)).containsExactlyElementsOf(ringOrder(partition).subList(3, 6));
        assertThat(policy1Get.subList(0, 2)).noneMatch(LocalFirstTests::local);
        assertThat(settings.nodeSelection().objectDeleteNodeCount(RING, partition, 1)).isEqualTo(4);
        assertThat(settings.nodeSelection().objectDeleteNodeCount(RING, partition, 0)).isEqualTo(3);
    }

    @Test
    void accountsAndContainersUseTheProxysOptionsWhateverThePolicies() {
        int partition = partitionWithLocalPrimaries(1);
        BackendSettings settings = BackendSettings.defaults().withReadAffinity("r1=1")
                .withPolicy(0, PolicyOverrides.none().withReadAffinity("r2=1"));
        StorageNodes nodes = nodes(settings);

        assertThat(drain(nodes.iterate(RING, partition)).get(0)).matches(LocalFirstTests::local);
        assertThat(drain(nodes.iterate(RING, partition, 0)).get(0)).matches(n -> !local(n));
    }
}
