package io.ringway.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The reader of rendered manifests, on hand-written documents. */
class ManifestsTests {

    private static final String DEPLOYMENT = """
            ---
            # Source: a comment-only document, as Helm writes for an empty template
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: c
                      image: i
                      imagePulPolicy: Always
                      livenessProbe:
                        path: /actuator/health/liveness
            """;

    @Test
    void readsEachKindIntoItsModelClassAndSkipsEmptyDocuments() {
        Manifests manifests = Manifests.parse(DEPLOYMENT);

        assertThat(manifests.names()).containsExactly("Deployment/d");
        assertThat(manifests.get(Deployment.class, "d").getSpec().getTemplate().getSpec().getContainers())
                .singleElement().satisfies(container -> assertThat(container.getImage()).isEqualTo("i"));
    }

    @Test
    void reportsFieldsTheModelDoesNotKnow() {
        assertThat(Manifests.parse(DEPLOYMENT).unknownFields()).containsExactlyInAnyOrder(
                "Deployment/d.spec.template.spec.containers[0]: [imagePulPolicy]",
                "Deployment/d.spec.template.spec.containers[0].livenessProbe: [path]");
    }

    @Test
    void refusesAKindAtAnUnexpectedApiVersion() {
        assertThatThrownBy(() -> Manifests.parse("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n"
                + "metadata: {name: p}\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unexpected policy/v1beta1 PodDisruptionBudget");
    }
}
