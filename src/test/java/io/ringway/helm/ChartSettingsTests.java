package io.ringway.helm;

import static io.ringway.helm.ChartDefaultsTests.container;
import static io.ringway.helm.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.ringway.config.RingwayProperties;
import io.ringway.federation.FederationProperties;
import io.ringway.federation.TargetProperties;
import io.ringway.federation.TargetType;
import io.ringway.middleware.StageConfigs;
import io.ringway.middleware.healthcheck.HealthcheckConfig;
import io.ringway.middleware.tempauth.TempAuthConfig;
import io.ringway.storage.node.StorageNodeProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What Ringway makes of the rendered chart: the pod's files (the ConfigMap's application.yml, the
 * Secret's secrets.yml) are written where the pod spec mounts them, below a temporary directory, and
 * Spring Boot's own config data loading runs with the container's environment (its values and
 * Secret references resolved), as in the pod. Ringway's configuration records are then bound
 * from that environment, so a key the chart misspells, or a credential Spring does not find,
 * fails here.
 */
class ChartSettingsTests {

    @TempDir
    Path root;

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void gatewaysGetTheirUsersTargetsAndTokenSecretFromTheSecret() throws IOException {
        Manifests manifests = HelmChart.template().values(HelmChart.example("gateway-values.yaml")).render();
        PodSpec pod = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();

        try (ConfigurableApplicationContext context = boot(manifests, pod, FULLNAME)) {
            Binder binder = Binder.get(context.getEnvironment());
            RingwayProperties ringway = binder.bind("ringway", RingwayProperties.class).get();
            TempAuthConfig tempauth = new StageConfigs(binder).bind("tempauth", TempAuthConfig.class);
            FederationProperties federation = binder.bind("ringway.federation", FederationProperties.class).get();
            TargetProperties swift = federation.targets().get("cluster-b");
            TargetProperties s3 = federation.targets().get("cold-s3");

            assertThat(ringway.role()).isEqualTo(RingwayProperties.Role.GATEWAY);
            assertThat(ringway.swiftDir()).isEqualTo(Path.of("/etc/swift"));
            assertThat(ringway.runsStorageNode()).isFalse();
            assertThat(tempauth.users()).extracting(TempAuthConfig.User::account, TempAuthConfig.User::user,
                    TempAuthConfig.User::key, TempAuthConfig.User::groups).containsExactly(
                    tuple("media", "uploader", "k3y-of-the-uploader", List.of(".admin")),
                    tuple("media", "reader", "k3y-of-the-reader", List.of()));
            assertThat(tempauth.tokenSecret()).isEqualTo("3f7c1e0a9b2d4c6e8f0a1b3c5d7e9f10");
            assertThat(tempauth.tokenLife()).isEqualTo(Duration.ofHours(1));
            assertThat(new StageConfigs(binder).bind("healthcheck", HealthcheckConfig.class).disablePath())
                    .isEqualTo("/var/run/ringway/disabled");
            // each target: its settings from the ConfigMap, its credentials from the Secret
            assertThat(swift.type()).isEqualTo(TargetType.SWIFT);
            assertThat(swift.authUrl()).isEqualTo(URI.create("https://cluster-b.example/auth/v1.0"));
            assertThat(swift.user()).isEqualTo("federation:ringway");
            assertThat(swift.key()).isEqualTo("swift-key-of-cluster-b");
            assertThat(swift.containerPrefix()).isEqualTo("{account}-");
            assertThat(s3.type()).isEqualTo(TargetType.S3);
            assertThat(s3.endpoint()).isEqualTo(URI.create("https://s3.eu-west-1.example"));
            assertThat(s3.accessKey()).isEqualTo("AKIAEXAMPLEACCESS");
            assertThat(s3.secretKey()).isEqualTo("s3-secret-of-cold");
            assertThat(s3.tls().trustStore()).isEqualTo(Path.of("/etc/ringway-trust/cold.p12"));
            assertThat(s3.tls().trustStorePassword()).isEqualTo("trust-store-password");
            assertThat(federation.defaults().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8080);
            assertThat(binder.bind("management.server.port", Integer.class).get()).isEqualTo(9080);
        }
    }

    @Test
    void theDefaultPodRunsTheGatewayAndItsEmbeddedNodeWithSwiftsSampleUsers() throws IOException {
        Manifests manifests = HelmChart.template().render();
        PodSpec pod = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();

        try (ConfigurableApplicationContext context = boot(manifests, pod, FULLNAME)) {
            Binder binder = Binder.get(context.getEnvironment());
            RingwayProperties ringway = binder.bind("ringway", RingwayProperties.class).get();
            TempAuthConfig tempauth = new StageConfigs(binder).bind("tempauth", TempAuthConfig.class);

            assertThat(ringway.role()).isEqualTo(RingwayProperties.Role.ALL);
            assertThat(ringway.runsStorageNode()).isTrue();
            assertThat(ringway.isEmbeddedCluster()).isTrue();
            // relative to the image's working directory /var/lib/ringway, where the data volume is
            assertThat(ringway.embedded().swiftDir().normalize()).isEqualTo(Path.of("data/etc"));
            assertThat(tempauth.users()).isEqualTo(TempAuthConfig.SAMPLE_USERS);
            assertThat(tempauth.tokenSecret()).isNull();
        }
    }

    @Test
    void storagePodsRunANodeOnEveryAddressWithTheirClaimsAsDevices() throws IOException {
        Manifests manifests = HelmChart.template().values(HelmChart.example("demo-values.yaml")).render();
        StatefulSet statefulSet = manifests.get(StatefulSet.class, FULLNAME + "-storage");
        PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();

        try (ConfigurableApplicationContext context = boot(manifests, pod, FULLNAME + "-storage")) {
            Binder binder = Binder.get(context.getEnvironment());
            RingwayProperties ringway = binder.bind("ringway", RingwayProperties.class).get();
            StorageNodeProperties node = binder.bind("ringway.storage", StorageNodeProperties.class).get();

            assertThat(ringway.role()).isEqualTo(RingwayProperties.Role.STORAGE);
            assertThat(ringway.swiftDir()).isEqualTo(Path.of("/etc/swift"));
            assertThat(node.bindIp()).isEqualTo("0.0.0.0");
            assertThat(List.of(node.objectPort(), node.containerPort(), node.accountPort()))
                    .containsExactly(6200, 6201, 6202);
            assertThat(node.devices()).isEqualTo(Path.of("/var/lib/ringway/data/node"));
            assertThat(node.deviceNames()).containsExactly("d1", "d2");
            assertThat(container(pod).getVolumeMounts()).anySatisfy(mount ->
                    assertThat(mount.getMountPath()).isEqualTo(node.devices().resolve("d2").toString()));
        }
    }

    /**
     * Starts Spring Boot (no beans) on the pod's files and environment: the ConfigMap
     * {@code configMapName} and, when the pod mounts it, the chart's Secret, each written where
     * the pod mounts it.
     */
    private ConfigurableApplicationContext boot(Manifests manifests, PodSpec pod, String configMapName)
            throws IOException {
        Secret secret = manifests.get(Secret.class, FULLNAME);
        for (Volume volume : pod.getVolumes()) {
            if (volume.getConfigMap() != null && volume.getConfigMap().getName().equals(configMapName)) {
                write(mountPath(pod, volume), "application.yml",
                        inRoot(manifests.get(ConfigMap.class, configMapName).getData().get("application.yml")));
            }
            if (volume.getSecret() != null && volume.getSecret().getSecretName().equals(FULLNAME)) {
                write(mountPath(pod, volume), "secrets.yml", Manifests.decoded(secret, "secrets.yml"));
            }
        }
        ConfigurableEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        containerEnvironment(container(pod), secret)));
        return new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .environment(environment)
                .run();
    }

    private static String mountPath(PodSpec pod, Volume volume) {
        return container(pod).getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals(volume.getName()))
                .map(VolumeMount::getMountPath)
                .findFirst()
                .orElseThrow(() -> new AssertionError("volume " + volume.getName() + " is not mounted"));
    }

    private void write(String mountPath, String file, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(mountPath.substring(1)));
        Files.writeString(dir.resolve(file), content);
    }

    /** The container's environment variables, Secret references resolved as the kubelet does. */
    private Map<String, Object> containerEnvironment(Container container, Secret secret) {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), inRoot(variable.getValue()));
                continue;
            }
            SecretKeySelector reference = variable.getValueFrom().getSecretKeyRef();
            assertThat(reference.getName()).isEqualTo(secret.getMetadata().getName());
            if (secret.getData().containsKey(reference.getKey())) {
                environment.put(variable.getName(), Manifests.decoded(secret, reference.getKey()));
            } else {
                assertThat(reference.getOptional()).as("%s is optional", reference.getKey()).isTrue();
            }
        }
        return environment;
    }

    /** Spring locations of the pod's files, moved below the test's root. */
    private String inRoot(String text) {
        return text.replace("file:/", "file:" + root.toAbsolutePath() + "/");
    }
}
