package io.ringway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ringway.middleware.catcherrors.CatchErrorsFactory;
import io.ringway.middleware.gatekeeper.GatekeeperFactory;
import io.ringway.middleware.healthcheck.HealthcheckFactory;
import io.ringway.middleware.thirdparty.StampFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Factories by Swift name: built-in ones and those ServiceLoader finds. */
class MiddlewareRegistryTests {

    @Test
    void findsThirdPartyStagesListedInMetaInfServices() {
        MiddlewareRegistry registry = MiddlewareRegistry.discover(List.of(new CatchErrorsFactory()),
                getClass().getClassLoader());

        assertThat(registry.names()).containsExactly("break_mid_body", "catch_errors", "stamp");
        assertThat(registry.factory("stamp")).get().isInstanceOf(StampFactory.class);
    }

    @Test
    void rejectsTwoFactoriesUnderOneName() {
        assertThatIllegalStateException()
                .isThrownBy(() -> MiddlewareRegistry.discover(List.of(new StampFactory()), getClass().getClassLoader()))
                .withMessageContaining("Middleware name 'stamp' is registered twice")
                .withMessageContaining(StampFactory.class.getName());
    }

    @Test
    void answersEmptyForAnUnknownName() {
        MiddlewareRegistry registry = new MiddlewareRegistry(
                List.of(new CatchErrorsFactory(), new GatekeeperFactory(), new HealthcheckFactory()));

        assertThat(registry.factory("tempauth")).isEmpty();
        assertThat(registry.names()).containsExactly("catch_errors", "gatekeeper", "healthcheck");
    }
}
