package io.ringway.helm;

import static io.ringway.helm.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart with its default values: one pod of role {@code all} (the gateway and its embedded
 * storage node), as {@code helm install ringway helm/ringway} would run it.
 */
class ChartDefaultsTests {

    private static Manifests manifests;

    @BeforeAll
    static void render() {
        manifests = HelmChart.template().render();
    }

    static Container container(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    static int containerPort(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no port " + name + " in " + container.getPorts()));
    }

    static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** The ConfigMap's application.yml, as a tree. */
    static JsonNode applicationYml(ConfigMap configMap) {
        return YAMLMapper.builder().build().readTree(configMap.getData().get("application.yml"));
    }

    @Test
    void rendersOnlyWhatOnePodNeeds() {
        assertThat(manifests.names()).containsExactlyInAnyOrder(
                "ServiceAccount/" + FULLNAME, "Secret/" + FULLNAME, "ConfigMap/" + FULLNAME,
                "Service/" + FULLNAME, "Deployment/" + FULLNAME);
        assertThat(manifests.all(StatefulSet.class)).isEmpty();
        assertThat(manifests.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(manifests.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(manifests.all(PersistentVolumeClaim.class)).isEmpty();
    }

    @Test
    void everyFieldIsKnownToKubernetesModel() {
        assertThat(manifests.unknownFields()).isEmpty();
    }

    @Test
    void runsOneReplicaOfTheImageOfTheProjectVersion() throws IOException {
        Deployment deployment = manifests.get(Deployment.class, FULLNAME);
        Container container = container(deployment.getSpec().getTemplate().getSpec());

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(container.getImage()).isEqualTo("ringway:" + pomVersion());
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
    }

    @Test
    void probesActuatorOnTheManagementPort() {
        Container container = container(manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec());
        HTTPGetAction liveness = container.getLivenessProbe().getHttpGet();
        HTTPGetAction readiness = container.getReadinessProbe().getHttpGet();
        HTTPGetAction startup = container.getStartupProbe().getHttpGet();

        assertThat(containerPort(container, "management")).isEqualTo(9080);
        assertThat(containerPort(container, "http")).isEqualTo(8080);
        assertThat(liveness.getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(liveness.getPort().getStrVal()).isEqualTo("management");
        assertThat(readiness.getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(readiness.getPort().getStrVal()).isEqualTo("management");
        assertThat(startup.getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(startup.getPort().getStrVal()).isEqualTo("management");
    }

    @Test
    void writesTheSamePortsIntoTheApplicationSettings() {
        JsonNode settings = applicationYml(manifests.get(ConfigMap.class, FULLNAME));

        assertThat(settings.at("/server/port").asInt()).isEqualTo(8080);
        assertThat(settings.at("/management/server/port").asInt()).isEqualTo(9080);
        assertThat(settings.at("/ringway/role").asString()).isEqualTo("all");
        assertThat(settings.at("/ringway/swift-dir").isMissingNode()).isTrue();
        assertThat(settings.at("/ringway/middleware/healthcheck/disable_path").asString())
                .isEqualTo("/var/run/ringway/disabled");
    }

    @Test
    void mountsTheSettingsWhereTheImageReadsThem() {
        PodSpec pod = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
        Container container = container(pod);

        assertThat(mount(container, "/etc/ringway").getName()).isEqualTo("config");
        assertThat(volume(pod, "config").getConfigMap().getName()).isEqualTo(FULLNAME);
        assertThat(env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").getValue()).isEqualTo("optional:file:/etc/ringway/");
        assertThat(mount(container, "/etc/ringway-secrets").getName()).isEqualTo("secrets");
        assertThat(volume(pod, "secrets").getSecret().getSecretName()).isEqualTo(FULLNAME);
    }

    @Test
    void runsAsTheImagesUserOnAReadOnlyRootWithWritableScratchAndData() {
        PodSpec pod = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
        Container container = container(pod);

        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(volume(pod, mount(container, "/tmp").getName()).getEmptyDir()).isNotNull();
        assertThat(volume(pod, mount(container, "/var/run/ringway").getName()).getEmptyDir()).isNotNull();
        // ./data below the image's working directory: the embedded node's devices and swift dir
        assertThat(volume(pod, mount(container, "/var/lib/ringway/data").getName()).getEmptyDir()).isNotNull();
    }

    @Test
    void servesTheSwiftApiButNotManagementOnTheService() {
        Service service = manifests.get(Service.class, FULLNAME);

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).containsExactly("http");
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
        assertThat(service.getSpec().getSelector()).containsAllEntriesOf(Map.of(
                "app.kubernetes.io/instance", HelmChart.RELEASE, "app.kubernetes.io/component", "gateway"));
    }

    @Test
    void keepsTheDataOfTheEmbeddedNodeInAClaimWhenAsked() {
        Manifests persistent = HelmChart.template().set("persistence.enabled", true).render();
        Deployment deployment = persistent.get(Deployment.class, FULLNAME);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PersistentVolumeClaim claim = persistent.get(PersistentVolumeClaim.class, FULLNAME + "-data");

        assertThat(volume(pod, mount(container(pod), "/var/lib/ringway/data").getName())
                .getPersistentVolumeClaim().getClaimName()).isEqualTo(FULLNAME + "-data");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        // two pods must not share the claim during a rollout
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    @Test
    void takesCredentialsFromAnExistingSecretInsteadOfItsOwn() {
        Manifests existing = HelmChart.template().set("existingSecret", "ringway-credentials").render();
        PodSpec pod = existing.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
        Map<String, String> annotations = existing.get(Deployment.class, FULLNAME)
                .getSpec().getTemplate().getMetadata().getAnnotations();

        assertThat(existing.all(Secret.class)).isEmpty();
        assertThat(volume(pod, mount(container(pod), "/etc/ringway-secrets").getName()).getSecret().getSecretName())
                .isEqualTo("ringway-credentials");
        assertThat(env(container(pod), "RINGWAY_MIDDLEWARE_TEMPAUTH_TOKENSECRET").getValueFrom().getSecretKeyRef()
                .getName()).isEqualTo("ringway-credentials");
        assertThat(annotations.get("checksum/secret")).matches("[0-9a-f]{64}")
                .isNotEqualTo(annotations(manifests).get("checksum/secret"));
    }

    private static Map<String, String> annotations(Manifests rendered) {
        return rendered.get(Deployment.class, FULLNAME).getSpec().getTemplate().getMetadata().getAnnotations();
    }

    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>ringway</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(matcher.find()).as("the project's version in pom.xml").isTrue();
        return matcher.group(1);
    }
}
