package io.ringway.helm;

import static io.ringway.helm.ChartDefaultsTests.container;
import static io.ringway.helm.ChartDefaultsTests.mount;
import static io.ringway.helm.ChartDefaultsTests.volume;
import static io.ringway.helm.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.ringway.policy.FederatedPolicy;
import io.ringway.policy.ReplicationPolicy;
import io.ringway.policy.SwiftConf;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swift dir of gateways: swift.conf and rings from values, a ConfigMap, or any volume. */
class ChartSwiftDirTests {

    private static final String SWIFT_VALUES = """
            role: gateway
            swift:
              hashPathPrefix: pre
              hashPathSuffix: suf
              policies:
                - {index: 0, name: gold, aliases: [yellow, orange], default: true}
                - {index: 1, name: archive, policyType: federated, target: cluster-b}
                - {index: 2, name: old, deprecated: true}
              constraints:
                max_file_size: 10737418240
                max_object_name_length: 2048
              rings:
                account.ring.gz: "H4sI AAAA"
                object-1.ring.gz: "H4sIBBBB"
            """;

    @TempDir
    Path dir;

    @Test
    void rendersSwiftConfAsRingwayReadsIt() {
        ConfigMap swift = HelmChart.template().values(HelmChart.valuesFile(dir, SWIFT_VALUES)).render()
                .get(ConfigMap.class, FULLNAME + "-swift");

        SwiftConf conf = SwiftConf.parse(swift.getData().get("swift.conf"));

        assertThat(conf.hashPath().prefix()).isEqualTo("pre");
        assertThat(conf.hashPath().suffix()).isEqualTo("suf");
        assertThat(conf.policies().defaultPolicy().name()).isEqualTo("gold");
        assertThat(conf.policies().byName("orange")).get().extracting(p -> p.index()).isEqualTo(0);
        assertThat(conf.policies().byIndex(1)).get().isInstanceOfSatisfying(FederatedPolicy.class,
                policy -> assertThat(policy.target()).isEqualTo("cluster-b"));
        assertThat(conf.policies().byIndex(2)).get().isInstanceOfSatisfying(ReplicationPolicy.class,
                policy -> assertThat(policy.deprecated()).isTrue());
        // Helm reads YAML numbers as floats: big ones must not come out as 1.073741824e+10
        assertThat(conf.constraints().maxFileSize()).isEqualTo(10_737_418_240L);
        assertThat(conf.constraints().maxObjectNameLength()).isEqualTo(2048);
    }

    @Test
    void putsRingsIntoBinaryDataAsGiven() {
        ConfigMap swift = HelmChart.template().values(HelmChart.valuesFile(dir, SWIFT_VALUES)).render()
                .get(ConfigMap.class, FULLNAME + "-swift");

        assertThat(swift.getBinaryData()).containsOnlyKeys("account.ring.gz", "object-1.ring.gz");
        // whitespace of wrapped base64 is dropped; the bytes are the same
        assertThat(Base64.getDecoder().decode(swift.getBinaryData().get("account.ring.gz")))
                .isEqualTo(Base64.getMimeDecoder().decode("H4sI AAAA"));
    }

    @Test
    void mountsTheRenderedSwiftDirReadOnly() {
        PodSpec pod = HelmChart.template().values(HelmChart.valuesFile(dir, SWIFT_VALUES)).render()
                .get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();

        assertThat(mount(container(pod), "/etc/swift").getReadOnly()).isTrue();
        assertThat(volume(pod, "swift").getConfigMap().getName()).isEqualTo(FULLNAME + "-swift");
    }

    @Test
    void mountsAnyVolumeAsTheSwiftDir() {
        PodSpec pod = HelmChart.template()
                .values(HelmChart.valuesFile(dir, """
                        role: gateway
                        swift:
                          mountPath: /srv/swift
                          volume: {persistentVolumeClaim: {claimName: cluster-a-etc}}
                        """))
                .render()
                .get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();
        Volume swift = volume(pod, mount(container(pod), "/srv/swift").getName());

        assertThat(swift.getPersistentVolumeClaim().getClaimName()).isEqualTo("cluster-a-etc");
        assertThat(swift.getConfigMap()).isNull();
    }

    @Test
    void roleAllWithASwiftDirRunsNoEmbeddedNodeAndMaySoScaleOut() {
        Manifests manifests = HelmChart.template()
                .values(HelmChart.valuesFile(dir, "replicaCount: 2\nswift: {existingConfigMap: c}\n"
                        + "auth: {tempauth: {tokenSecret: t}}"))
                .render();
        PodSpec pod = manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getSpec();

        assertThat(ChartDefaultsTests.applicationYml(manifests.get(ConfigMap.class, FULLNAME))
                .at("/ringway/swift-dir").asString()).isEqualTo("/etc/swift");
        assertThat(volume(pod, mount(container(pod), "/var/lib/ringway/data").getName()).getEmptyDir()).isNotNull();
        assertThat(manifests.get(Deployment.class, FULLNAME).getSpec().getReplicas()).isEqualTo(2);
    }
}
