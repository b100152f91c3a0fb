package io.ringway.helm;

import static io.ringway.helm.ChartDefaultsTests.applicationYml;
import static io.ringway.helm.ChartDefaultsTests.container;
import static io.ringway.helm.ChartDefaultsTests.env;
import static io.ringway.helm.ChartDefaultsTests.mount;
import static io.ringway.helm.ChartDefaultsTests.volume;
import static io.ringway.helm.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Gateways in front of an existing cluster with the chart's rich example values
 * ({@code ci/gateway-values.yaml}): autoscaled, tempauth users, a Swift and an S3 federation
 * target, a ServiceMonitor.
 */
class ChartGatewayTests {

    private static final List<String> CREDENTIALS = List.of("k3y-of-the-uploader", "k3y-of-the-reader",
            "swift-key-of-cluster-b", "AKIAEXAMPLEACCESS", "s3-secret-of-cold", "trust-store-password",
            "3f7c1e0a9b2d4c6e8f0a1b3c5d7e9f10");

    private static Manifests manifests;

    @BeforeAll
    static void render() {
        manifests = HelmChart.template().values(HelmChart.example("gateway-values.yaml")).render();
    }

    private static PodSpec pod() {
        return manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
    }

    @Test
    void everyFieldIsKnownToKubernetesModel() {
        assertThat(manifests.unknownFields()).isEmpty();
    }

    @Test
    void leavesTheReplicaCountToTheAutoscaler() {
        HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, FULLNAME);

        assertThat(manifests.get(Deployment.class, FULLNAME).getSpec().getReplicas()).isNull();
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(FULLNAME);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(hpa.getSpec().getMetrics())
                .extracting(metric -> metric.getResource().getName(),
                        metric -> metric.getResource().getTarget().getAverageUtilization())
                .containsExactly(tuple("cpu", 60),
                        tuple("memory", 80));
        assertThat(hpa.getSpec().getMetrics()).extracting(MetricSpec::getType).containsOnly("Resource");
    }

    @Test
    void keepsTwoGatewaysThroughDisruptions() {
        PodDisruptionBudget pdb = manifests.get(PodDisruptionBudget.class, FULLNAME);

        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
        assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(manifests.get(Deployment.class, FULLNAME).getSpec().getSelector().getMatchLabels());
    }

    @Test
    void readsTheClustersSwiftDirFromItsConfigMap() {
        JsonNode settings = applicationYml(manifests.get(ConfigMap.class, FULLNAME));
        Container container = container(pod());

        assertThat(settings.at("/ringway/role").asString()).isEqualTo("gateway");
        assertThat(settings.at("/ringway/swift-dir").asString()).isEqualTo("/etc/swift");
        assertThat(mount(container, "/etc/swift").getReadOnly()).isTrue();
        assertThat(volume(pod(), mount(container, "/etc/swift").getName()).getConfigMap().getName())
                .isEqualTo("cluster-a-swift");
        assertThat(manifests.names()).doesNotContain("ConfigMap/" + FULLNAME + "-swift");
    }

    @Test
    void keepsEveryCredentialOutOfTheConfigMap() {
        String configMap = manifests.get(ConfigMap.class, FULLNAME).getData().get("application.yml");
        Secret secret = manifests.get(Secret.class, FULLNAME);
        String secrets = Manifests.decoded(secret, "secrets.yml");

        assertThat(CREDENTIALS).allSatisfy(credential -> assertThat(configMap).doesNotContain(credential));
        assertThat(CREDENTIALS).allSatisfy(credential -> assertThat(secrets + Manifests.decoded(secret, "token-secret"))
                .contains(credential));
        // the targets' other settings are configuration, not secrets
        assertThat(configMap).contains("https://cluster-b.example/auth/v1.0", "federation:ringway",
                "https://s3.eu-west-1.example", "/etc/ringway-trust/cold.p12");
        assertThat(secrets).doesNotContain("cluster-b.example", "s3.eu-west-1.example");
    }

    @Test
    void mergesExtraSettingsOverTheChartsOwn() {
        JsonNode settings = applicationYml(manifests.get(ConfigMap.class, FULLNAME));

        assertThat(settings.at("/ringway/backend/node_timeout").asInt()).isEqualTo(20);
        assertThat(settings.at("/ringway/middleware/tempauth/token_life").asString()).isEqualTo("3600s");
        assertThat(settings.at("/ringway/middleware/healthcheck/disable_path").asString())
                .isEqualTo("/var/run/ringway/disabled");
        assertThat(settings.at("/ringway/federation/defaults/connectTimeout").asString()).isEqualTo("2s");
    }

    @Test
    void passesTheTokenSecretFromTheSecret() {
        Container container = container(pod());
        EnvVar token = env(container, "RINGWAY_MIDDLEWARE_TEMPAUTH_TOKENSECRET");

        assertThat(token.getValue()).isNull();
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo(FULLNAME);
        assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token-secret");
        assertThat(container.getEnv()).extracting(EnvVar::getName).contains("TZ");
        assertThat(mount(container, "/etc/ringway-trust").getName()).isEqualTo("trust");
    }

    @Test
    void scrapesTheManagementPortThroughItsOwnService() {
        GenericKubernetesResource monitor = manifests.get("ServiceMonitor", FULLNAME);
        Service metrics = manifests.get(Service.class, FULLNAME + "-metrics");
        Map<String, Object> spec = monitor.get("spec");
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        Map<String, String> selected = monitor.get("spec", "selector", "matchLabels");

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(endpoint).containsAllEntriesOf(Map.of(
                "port", "management", "path", "/actuator/prometheus", "interval", "15s")));
        assertThat(spec).containsKey("namespaceSelector");
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(selected);
        assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("management");
            assertThat(port.getPort()).isEqualTo(9080);
        });
        assertThat(pod().getContainers().get(0).getPorts())
                .anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
        // a Service the ServiceMonitor does not select: the API's own, which may be public
        assertThat(manifests.get(Service.class, FULLNAME).getMetadata().getLabels())
                .doesNotContainKey("ringway.io/metrics");
    }

    @Test
    void annotatesPodsForAnnotationBasedScraping() {
        Map<String, String> annotations = manifests.get(Deployment.class, FULLNAME)
                .getSpec().getTemplate().getMetadata().getAnnotations();

        assertThat(annotations).containsAllEntriesOf(Map.of("prometheus.io/scrape", "true",
                "prometheus.io/port", "9080", "prometheus.io/path", "/actuator/prometheus"));
    }

    @Test
    void exposesTheApiOnTheLoadBalancersPort() {
        Service service = manifests.get(Service.class, FULLNAME);

        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getLoadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(80);
        assertThat(container(pod()).getImage()).isEqualTo("registry.example/ringway:0.1.0");
    }
}
