package io.ringway.helm;

import static io.ringway.helm.HelmChart.FULLNAME;
import static io.ringway.helm.HelmChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** What {@code helm install} tells the operator (NOTES.txt). */
class ChartNotesTests {

    @Test
    void warnsThatSwiftsSampleUsersAreActiveUntilUsersAreGiven() {
        assertThat(HelmChart.template().notes()).contains("WARNING: no tempauth users are configured");
        assertThat(HelmChart.template().values(HelmChart.example("gateway-values.yaml")).notes())
                .doesNotContain("WARNING");
    }

    @Test
    void showsHowToDrainAPod() {
        assertThat(HelmChart.template().notes())
                .contains("kubectl -n " + NAMESPACE + " exec <pod> -- touch /var/run/ringway/disabled");
    }

    @Test
    void listsTheHostNamesTheDemoRingsMustHold() {
        HelmChart demo = HelmChart.template().values(HelmChart.example("demo-values.yaml"));
        StatefulSet storage = demo.render().get(StatefulSet.class, FULLNAME + "-storage");
        String notes = demo.notes();

        for (int pod = 0; pod < storage.getSpec().getReplicas(); pod++) {
            assertThat(notes).contains("  " + storage.getMetadata().getName() + "-" + pod + "."
                    + storage.getSpec().getServiceName() + "." + NAMESPACE + ".svc.cluster.local\n");
        }
        assertThat(notes).contains("devices d1, d2");
    }
}
