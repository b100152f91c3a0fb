package io.ringway.helm;

import static io.ringway.helm.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ringway reads its settings at start only, so the pod template carries sha256 sums of the
 * ConfigMap and the Secret: a change in either rolls the pods, and nothing else does.
 */
class ChartChecksumTests {

    @TempDir
    Path dir;

    private static Map<String, String> annotations(Manifests manifests) {
        return manifests.get(Deployment.class, FULLNAME).getSpec().getTemplate().getMetadata().getAnnotations();
    }

    @Test
    void sumsAreSha256AndStableForTheSameValues() {
        Map<String, String> first = annotations(HelmChart.template().render());
        Map<String, String> second = annotations(HelmChart.template().render());

        assertThat(first.get("checksum/config")).matches("[0-9a-f]{64}");
        assertThat(first.get("checksum/secret")).matches("[0-9a-f]{64}");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aChangedSettingChangesTheConfigSumOnly() {
        Map<String, String> before = annotations(HelmChart.template().render());
        Map<String, String> after = annotations(HelmChart.template()
                .values(HelmChart.valuesFile(dir, "config: {ringway: {backend: {node_timeout: 20}}}"))
                .render());

        assertThat(after.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
        assertThat(after.get("checksum/secret")).isEqualTo(before.get("checksum/secret"));
    }

    @Test
    void aChangedUserKeyChangesTheSecretSumOnly() {
        String users = "auth: {tempauth: {users: [{account: test, user: tester, key: %s}]}}";
        Map<String, String> before = annotations(HelmChart.template()
                .values(HelmChart.valuesFile(dir, users.formatted("first"))).render());
        Map<String, String> after = annotations(HelmChart.template()
                .values(HelmChart.valuesFile(dir, users.formatted("second"))).render());

        assertThat(after.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
        assertThat(after.get("checksum/config")).isEqualTo(before.get("checksum/config"));
    }

    @Test
    void storagePodsRollWithTheirOwnSettings() {
        HelmChart demo = HelmChart.template().values(HelmChart.example("demo-values.yaml"));
        String before = demo.render().get(StatefulSet.class, FULLNAME + "-storage")
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
        String after = demo.set("storage.config.ringway.storage.updater-interval", "60s").render()
                .get(StatefulSet.class, FULLNAME + "-storage")
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");

        assertThat(before).matches("[0-9a-f]{64}");
        assertThat(after).isNotEqualTo(before);
    }
}
