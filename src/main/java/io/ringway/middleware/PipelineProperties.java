package io.ringway.middleware;

import java.util.List;

/**
 * The {@code ringway.pipeline} setting: the stage names in order, as Swift's paste
 * {@code pipeline =} line (without the final {@code proxy-server} app, which always ends it).
 *
 * <p>The default is Swift's sample proxy pipeline with the stages Ringway has:
 * {@code catch_errors gatekeeper healthcheck proxy_logging cache listing_formats tempauth copy
 * proxy_logging}.
 *
 * @param stages stage names, each one a registered factory's {@link MiddlewareFactory#name()}
 */
public record PipelineProperties(List<String> stages) {

    /** Swift's sample pipeline, with the stages Ringway has. */
    public static final List<String> DEFAULT_STAGES = List.of("catch_errors", "gatekeeper", "healthcheck",
            "proxy_logging", "cache", "listing_formats", "tempauth", "copy", "proxy_logging");

    public static final PipelineProperties DEFAULTS = new PipelineProperties(DEFAULT_STAGES);

    public PipelineProperties {
        stages = List.copyOf(stages);
    }
}
