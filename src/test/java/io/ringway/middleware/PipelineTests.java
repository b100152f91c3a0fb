package io.ringway.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.info.InfoRegistry;
import io.ringway.middleware.catcherrors.CatchErrorsConfig;
import io.ringway.middleware.cache.CacheFactory;
import io.ringway.middleware.catcherrors.CatchErrorsFactory;
import io.ringway.middleware.copy.CopyFactory;
import io.ringway.middleware.listingformats.ListingFormatsFactory;
import io.ringway.middleware.tempauth.TempAuthFactory;
import io.ringway.middleware.gatekeeper.GatekeeperFactory;
import io.ringway.middleware.healthcheck.HealthcheckFactory;
import io.ringway.middleware.proxylogging.ProxyLoggingFactory;
import io.ringway.middleware.thirdparty.StampFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The one WebFilter: stages in configured order, then the rest of the WebFlux chain. */
class PipelineTests {

    private final MiddlewareRegistry registry = new MiddlewareRegistry(List.of(new CatchErrorsFactory(),
            new GatekeeperFactory(), new HealthcheckFactory(), new ProxyLoggingFactory(), new StampFactory()));

    @Test
    void runsTheStagesInOrderThenTheWebFilterChain() {
        List<String> trace = new ArrayList<>();
        Pipeline pipeline = new Pipeline(List.of(tracing("a", trace), tracing("b", trace)));

        StepVerifier.create(pipeline.filter(exchange("/x"), exchange -> {
            trace.add("api");
            return Mono.empty();
        })).verifyComplete();

        assertThat(trace).containsExactly("a", "b", "api");
    }

    @Test
    void stopsWhereAStageAnswers() {
        List<String> trace = new ArrayList<>();
        Stage answering = new Stage("answering", "none", (exchange, next) -> exchange.getResponse().setComplete());
        Pipeline pipeline = new Pipeline(List.of(tracing("a", trace), answering, tracing("b", trace)));

        StepVerifier.create(pipeline.filter(exchange("/x"), exchange -> {
            trace.add("api");
            return Mono.empty();
        })).verifyComplete();

        assertThat(trace).containsExactly("a");
    }

    @Test
    void assemblesConfiguredStagesWithBoundConfigAndRegistersInfoSections() {
        InfoRegistry info = new InfoRegistry();
        StageConfigs configs = StageTesting.configs(Map.of(
                "ringway.middleware.catch_errors.trans_id_suffix", "-one",
                "ringway.middleware.stamp.value", "mine"));

        Pipeline pipeline = Pipeline.assemble(new PipelineProperties(List.of("healthcheck", "stamp")), registry,
                configs, StageTesting.NO_SERVICES, info);

        assertThat(pipeline.stages()).extracting(Stage::name)
                .containsExactly("catch_errors", "gatekeeper", "healthcheck", "stamp");
        assertThat(pipeline.stages().get(0).config()).isEqualTo(new CatchErrorsConfig("-one"));
        assertThat(info.sections()).containsOnlyKeys("stamp");
        assertThat(info.sections().get("stamp")).containsEntry("value", "mine");
    }

    @Test
    void bindsSwiftsUnderscoredNamesAndDashedOnesAndDefaultsAnAbsentSection() {
        assertThat(StageTesting.configs(Map.of("ringway.middleware.catch-errors.trans-id-suffix", "-d"))
                .bind("catch_errors", CatchErrorsConfig.class)).isEqualTo(new CatchErrorsConfig("-d"));
        assertThat(StageTesting.configs(Map.of("ringway.middleware.catch_errors.trans_id_suffix", "-u"))
                .bind("catch_errors", CatchErrorsConfig.class)).isEqualTo(new CatchErrorsConfig("-u"));
        assertThat(StageTesting.configs(Map.of()).bind("catch_errors", CatchErrorsConfig.class))
                .isEqualTo(new CatchErrorsConfig(""));
    }

    @Test
    void defaultPipelineNamesOnlyBuiltInStagesInPlacesTheyAccept() {
        MiddlewareRegistry builtIn = new MiddlewareRegistry(List.of(new CatchErrorsFactory(), new GatekeeperFactory(),
                new HealthcheckFactory(), new ProxyLoggingFactory(), new CacheFactory(), new ListingFormatsFactory(),
                new TempAuthFactory(), new CopyFactory()));

        assertThat(PipelineLayout.resolve(PipelineProperties.DEFAULT_STAGES, builtIn))
                .as("nothing added or moved: Swift's sample order")
                .containsExactlyElementsOf(PipelineProperties.DEFAULT_STAGES);
    }

    private static Stage tracing(String name, List<String> trace) {
        return new Stage(name, "none", (exchange, next) -> {
            trace.add(name);
            return next.next(exchange);
        });
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }
}
