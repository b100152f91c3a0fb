package io.ringway.helm;

import static io.ringway.helm.ChartDefaultsTests.applicationYml;
import static io.ringway.helm.ChartDefaultsTests.container;
import static io.ringway.helm.ChartDefaultsTests.containerPort;
import static io.ringway.helm.ChartDefaultsTests.mount;
import static io.ringway.helm.ChartDefaultsTests.volume;
import static io.ringway.helm.HelmChart.FULLNAME;
import static io.ringway.helm.HelmChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.ringway.policy.SwiftConf;
import io.ringway.ring.Device;
import io.ringway.ring.RingData;
import io.ringway.ring.RingFileReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained demo ({@code ci/demo-values.yaml}): gateways plus a StatefulSet of storage
 * nodes, and the rings {@code scripts/demo-rings.sh} builds for it with Swift's
 * swift-ring-builder.
 */
class ChartDemoTests {

    private static final String STORAGE = FULLNAME + "-storage";

    private static Manifests manifests;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        manifests = HelmChart.template().values(HelmChart.example("demo-values.yaml")).render();
    }

    @Test
    void everyFieldIsKnownToKubernetesModel() {
        assertThat(manifests.unknownFields()).isEmpty();
    }

    @Test
    void runsStorageNodesWithAClaimPerDevice() {
        StatefulSet storage = manifests.get(StatefulSet.class, STORAGE);
        PodSpec pod = storage.getSpec().getTemplate().getSpec();
        Container container = container(pod);
        List<PersistentVolumeClaim> claims = storage.getSpec().getVolumeClaimTemplates();

        assertThat(storage.getSpec().getReplicas()).isEqualTo(3);
        assertThat(storage.getSpec().getServiceName()).isEqualTo(STORAGE);
        assertThat(claims).extracting(claim -> claim.getMetadata().getName()).containsExactly("device-d1", "device-d2");
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.getSpec().getStorageClassName()).isEqualTo("standard");
            assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("2Gi");
        });
        assertThat(mount(container, "/var/lib/ringway/data/node/d1").getName()).isEqualTo("device-d1");
        assertThat(mount(container, "/var/lib/ringway/data/node/d2").getName()).isEqualTo("device-d2");
        assertThat(applicationYml(manifests.get(ConfigMap.class, STORAGE)).at("/ringway/role").asString())
                .isEqualTo("storage");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    @Test
    void namesEveryStoragePodThroughAHeadlessService() {
        Service headless = manifests.get(Service.class, STORAGE);
        StatefulSet storage = manifests.get(StatefulSet.class, STORAGE);
        Container container = container(storage.getSpec().getTemplate().getSpec());

        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector()).isEqualTo(storage.getSpec().getSelector().getMatchLabels());
        assertThat(storage.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(headless.getSpec().getSelector());
        assertThat(headless.getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort)
                .containsExactlyInAnyOrder(
                        tuple("object", containerPort(container, "object")),
                        tuple("container", containerPort(container, "container")),
                        tuple("account", containerPort(container, "account")),
                        tuple("management", containerPort(container, "management")));
    }

    @Test
    void gatewaysAndStorageNodesShareOneSwiftDir() {
        PodSpec gateway = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
        PodSpec storage = manifests.get(StatefulSet.class, STORAGE).getSpec().getTemplate().getSpec();

        assertThat(volume(gateway, mount(container(gateway), "/etc/swift").getName()).getConfigMap().getName())
                .isEqualTo("demo-swift");
        assertThat(volume(storage, mount(container(storage), "/etc/swift").getName()).getConfigMap().getName())
                .isEqualTo("demo-swift");
        assertThat(applicationYml(manifests.get(ConfigMap.class, FULLNAME)).at("/ringway/role").asString())
                .isEqualTo("gateway");
    }

    @Test
    void budgetsDisruptionsOfGatewaysAndStorageNodesApart() {
        PodDisruptionBudget gateways = manifests.get(PodDisruptionBudget.class, FULLNAME);
        PodDisruptionBudget storage = manifests.get(PodDisruptionBudget.class, STORAGE);

        assertThat(gateways.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(gateways.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "gateway");
        assertThat(storage.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(storage.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "storage");
    }

    @Test
    void budgetsNothingWhenDisabled() {
        Manifests unbudgeted = HelmChart.template().values(HelmChart.example("demo-values.yaml"))
                .set("podDisruptionBudget.enabled", false)
                .render();

        assertThat(unbudgeted.all(PodDisruptionBudget.class)).isEmpty();
    }

    @Test
    void scrapesGatewaysAndStorageNodesWithOneServiceMonitor() {
        GenericKubernetesResource monitor = manifests.get("ServiceMonitor", FULLNAME);
        Map<String, String> selected = monitor.get("spec", "selector", "matchLabels");

        assertThat(manifests.all(Service.class))
                .filteredOn(service -> service.getMetadata().getLabels().entrySet().containsAll(selected.entrySet()))
                .extracting(service -> service.getMetadata().getName())
                .containsExactlyInAnyOrder(FULLNAME + "-metrics", STORAGE);
    }

    @Test
    void demoRingsNameTheStoragePodsAtTheirPorts() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("swift-ring-builder"), "swift-ring-builder (Debian: swift) is not installed");
        StatefulSet storage = manifests.get(StatefulSet.class, STORAGE);
        Container node = container(storage.getSpec().getTemplate().getSpec());
        Path values = demoRings("--release", HelmChart.RELEASE, "--namespace", NAMESPACE, "--pods", "3",
                "--devices", "d1 d2", "--part-power", "6");

        Manifests demo = HelmChart.template().values(values).render();
        ConfigMap swift = demo.get(ConfigMap.class, FULLNAME + "-swift");
        SwiftConf conf = SwiftConf.parse(swift.getData().get("swift.conf"));
        Set<String> hosts = new HashSet<>();
        IntStream.range(0, storage.getSpec().getReplicas()).forEach(i -> hosts.add(
                storage.getMetadata().getName() + "-" + i + "." + storage.getSpec().getServiceName() + "."
                        + NAMESPACE + ".svc.cluster.local"));

        assertThat(conf.hashPath().suffix()).matches("[0-9a-f]{32}");
        assertThat(demo.get(StatefulSet.class, STORAGE).getSpec().getReplicas()).isEqualTo(3);
        for (String ring : List.of("account", "container", "object")) {
            RingData data = RingFileReader.read(Files.write(dir.resolve(ring + ".ring.gz"),
                    Base64.getDecoder().decode(swift.getBinaryData().get(ring + ".ring.gz"))));
            List<Device> devices = data.devices().stream().filter(Objects::nonNull).toList();

            assertThat(data.replicaCount()).as(ring).isEqualTo(3.0);
            assertThat(devices).as(ring).extracting(Device::ip).containsOnlyElementsOf(hosts).hasSize(6);
            assertThat(devices).as(ring).extracting(Device::ip).containsAll(hosts);
            assertThat(devices).as(ring).extracting(Device::port).containsOnly(containerPort(node, ring));
            assertThat(devices).as(ring).extracting(Device::device).containsOnly("d1", "d2");
        }
    }

    private Path demoRings(String... arguments) throws IOException, InterruptedException {
        Path values = dir.resolve("demo-rings-values.yaml");
        List<String> command = new ArrayList<>(List.of("sh",
                HelmChart.DIR.resolve("scripts/demo-rings.sh").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(values.toFile())
                .redirectError(dir.resolve("demo-rings.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("demo-rings.sh finished").isTrue();
        assertThat(process.exitValue()).as("demo-rings.sh: %s", Files.readString(dir.resolve("demo-rings.log")))
                .isZero();
        return values;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
