package io.ringway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringway.middleware.catcherrors.CatchErrorsFactory;
import io.ringway.middleware.gatekeeper.GatekeeperFactory;
import io.ringway.middleware.healthcheck.HealthcheckFactory;
import io.ringway.middleware.thirdparty.StampFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names and places checked at start, as Swift's required_filters. */
class PipelineLayoutTests {

    private final MiddlewareRegistry registry = new MiddlewareRegistry(List.of(new CatchErrorsFactory(),
            new GatekeeperFactory(), new HealthcheckFactory(), new StampFactory()));

    @Test
    void keepsTheConfiguredOrderAndRepeatedStages() {
        List<String> configured = List.of("catch_errors", "gatekeeper", "stamp", "healthcheck", "stamp");

        assertThat(PipelineLayout.resolve(configured, registry)).isEqualTo(configured);
    }

    @Test
    void addsCatchErrorsFirstAndGatekeeperRightAfterWhenMissing() {
        assertThat(PipelineLayout.resolve(List.of("healthcheck", "stamp"), registry))
                .containsExactly("catch_errors", "gatekeeper", "healthcheck", "stamp");
        assertThat(PipelineLayout.resolve(List.of("catch_errors", "healthcheck"), registry))
                .containsExactly("catch_errors", "gatekeeper", "healthcheck");
        assertThat(PipelineLayout.resolve(List.of("gatekeeper", "healthcheck"), registry))
                .containsExactly("catch_errors", "gatekeeper", "healthcheck");
        assertThat(PipelineLayout.resolve(List.of(), registry)).containsExactly("catch_errors", "gatekeeper");
    }

    @Test
    void rejectsCatchErrorsAnywhereButFirst() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PipelineLayout.resolve(List.of("healthcheck", "catch_errors", "gatekeeper"), registry))
                .withMessage("ringway.pipeline: catch_errors at position 1 in [healthcheck, catch_errors, gatekeeper]"
                        + " (expected: first, as Swift requires)");
    }

    @Test
    void rejectsGatekeeperAwayFromCatchErrors() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PipelineLayout.resolve(List.of("catch_errors", "healthcheck", "gatekeeper"), registry))
                .withMessage("ringway.pipeline: gatekeeper at position 2 in [catch_errors, healthcheck, gatekeeper]"
                        + " (expected: right after catch_errors, as Swift requires)");
    }

    @Test
    void rejectsAnUnknownStageNamingTheKnownOnes() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PipelineLayout.resolve(List.of("catch_errors", "gatekeeper", "tempauht"), registry))
                .withMessage("ringway.pipeline: unknown stage 'tempauht' in [catch_errors, gatekeeper, tempauht]"
                        + " (expected one of: [catch_errors, gatekeeper, healthcheck, stamp])");
    }
}
