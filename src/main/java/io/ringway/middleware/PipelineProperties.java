package io.ringway.middleware;

import java.util.List;

/**
 * The {@code ringway.pipeline} setting: the stage names in order, as Swift's paste
 * {@code pipeline =} line (without the final {@code proxy-server} app, which always ends it).
 *
 * <p>The default lists the stages Ringway has today. Swift's sample proxy pipeline,
 * {@code catch_errors gatekeeper healthcheck proxy_logging cache listing_formats tempauth copy
 * proxy_logging}, becomes the default as its stages arrive; until then naming one of them fails
 * the start, as an unknown filter does in Swift.
 *
 * @param stages stage names, each one a registered factory's {@link MiddlewareFactory#name()}
 */
public record PipelineProperties(List<String> stages) {

    /** The stages that exist today, in Swift's order. */
    public static final List<String> DEFAULT_STAGES = List.of("catch_errors", "gatekeeper", "healthcheck", "proxy_logging");

    public static final PipelineProperties DEFAULTS = new PipelineProperties(DEFAULT_STAGES);

    public PipelineProperties {
        stages = List.copyOf(stages);
    }
}
