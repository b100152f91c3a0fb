package io.ringway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values Helm must refuse before rendering anything: by {@code values.schema.json} (one value
 * alone is wrong), or by the chart's own checks (values that contradict each other).
 */
class ChartSchemaTests {

    @TempDir
    Path dir;

    private String refusal(String yaml) {
        return HelmChart.template().values(HelmChart.valuesFile(dir, yaml)).refusal();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            replicaCount: -1                                         | /replicaCount
            replicaCount: two                                        | /replicaCount
            image: {tag: 5}                                          | /image/tag
            role: storage                                            | /role
            replicas: 3                                              | additional properties 'replicas' not allowed
            service: {type: Ingress}                                 | /service/type
            ports: {http: 70000}                                     | /ports/http
            probes: {liveness: {enabled: true, periodSeconds: 0}}    | /probes/liveness/periodSeconds
            storage: {devices: [Disk1]}                              | /storage/devices/0
            swift: {rings: {object.builder: AAAA}}                   | invalid propertyName 'object.builder'
            swift: {policies: [{index: 1, name: archive, policyType: federated}]} | /swift/policies/0
            federation: {targets: {b: {type: swift, authUrl: ftp://b/auth/v1.0}}}  | /federation/targets/b/authUrl
            federation: {targets: {b: {type: swift, password: x}}}   | additional properties 'password' not allowed
            metrics: {serviceMonitor: {enabled: true, interval: soon}} | /metrics/serviceMonitor/interval
            """)
    void schemaRefuses(String yaml, String where) {
        String message = refusal(yaml);

        assertThat(message).contains("values don't meet the specifications of the schema").contains(where);
    }

    @Test
    void schemaAcceptsANumericTagWrittenAsAString() {
        assertThat(HelmChart.template().values(HelmChart.valuesFile(dir, "image: {tag: \"5\"}")).render()
                .names()).isNotEmpty();
    }

    @Test
    void refusesSeveralReplicasOfTheEmbeddedNode() {
        assertThat(refusal("replicaCount: 2")).contains("role: all keeps the embedded node's data in its pod");
        assertThat(refusal("autoscaling: {enabled: true}")).contains("role: all keeps the embedded node's data");
    }

    @Test
    void refusesAGatewayWithoutACluster() {
        assertThat(refusal("role: gateway")).contains("role: gateway needs the cluster's swift.conf and rings");
    }

    @Test
    void refusesDemoStorageBesideTheEmbeddedNode() {
        assertThat(refusal("storage: {enabled: true}\nswift: {existingConfigMap: s}"))
                .contains("storage.enabled runs the storage nodes in their own StatefulSet: set role: gateway");
    }

    @Test
    void refusesReplicasWithoutASharedTokenSecret() {
        assertThat(refusal("role: gateway\nreplicaCount: 2\nswift: {existingConfigMap: s}"))
                .contains("auth.tempauth.tokenSecret: replicas must share it");
    }

    @Test
    void refusesCredentialsInValuesBesideAnExistingSecret() {
        assertThat(refusal("existingSecret: mine\nauth: {tempauth: {users: [{account: a, user: u, key: k}]}}"))
                .contains("existingSecret: put tempauth's users");
        assertThat(refusal("existingSecret: mine\nfederation: {targets: {b: {type: s3, secretKey: k}}}"))
                .contains("existingSecret: put tempauth's users");
    }

    @Test
    void refusesTwoSourcesOfTheSwiftDir() {
        assertThat(refusal("swift: {existingConfigMap: a, volume: {persistentVolumeClaim: {claimName: b}}}"))
                .contains("swift: set one of existingConfigMap, volume");
    }

    @Test
    void refusesRingsWithoutTheHashPathTheyWereBuiltFor() {
        assertThat(refusal("role: gateway\nswift: {rings: {account.ring.gz: AAAA}}"))
                .contains("swift.rings: the rendered swift.conf needs swift.hashPathSuffix");
    }
}
