package io.ringway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict}: warnings fail it, as errors do. */
class ChartLintTests {

    @Test
    void passesStrictLintWithOnlyInformationalMessages() {
        LintResult result = HelmChart.lintStrict();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).allSatisfy(message -> assertThat(message).startsWith("[INFO]"));
    }
}
