package io.ringway.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks Swift's proxy makes on its pipeline at start ({@code required_filters} in
 * {@code swift/proxy/server.py}): every name is a registered stage; a required stage the
 * configuration lacks is added at its place ({@code catch_errors} first, {@code gatekeeper}
 * right after it), with a log line as Swift writes one; a stage configured away from its place
 * fails the start, where Swift would run it in the wrong place.
 */
final class PipelineLayout {

    private static final Logger log = LoggerFactory.getLogger(PipelineLayout.class);

    private PipelineLayout() {
    }

    /**
     * The stage names to run, required stages added.
     *
     * @throws IllegalStateException naming the unknown or misplaced stage
     */
    static List<String> resolve(List<String> configured, MiddlewareRegistry registry) {
        for (String name : configured) {
            if (registry.factory(name).isEmpty()) {
                throw new IllegalStateException("ringway.pipeline: unknown stage '" + name + "' in " + configured
                        + " (expected one of: " + registry.names() + ")");
            }
        }
        List<String> pipeline = new ArrayList<>(configured);
        // Stages that must be first go in before those that follow another, as in Swift.
        insertMissing(pipeline, registry, true);
        insertMissing(pipeline, registry, false);
        if (!pipeline.equals(configured)) {
            log.info("Pipeline was modified. New pipeline is {}", pipeline);
        }
        check(pipeline, registry);
        return List.copyOf(pipeline);
    }

    private static void insertMissing(List<String> pipeline, MiddlewareRegistry registry, boolean first) {
        for (String name : registry.names()) {
            Placement placement = registry.factory(name).orElseThrow().placement();
            if (!placement.required() || placement.first() != first || pipeline.contains(name)) {
                continue;
            }
            String after = placement.after();
            int at = after == null ? 0 : pipeline.indexOf(after) + 1;
            log.info("Adding required stage {} to pipeline at position {}", name, at);
            pipeline.add(at, name);
        }
    }

    private static void check(List<String> pipeline, MiddlewareRegistry registry) {
        for (int i = 0; i < pipeline.size(); i++) {
            String name = pipeline.get(i);
            Placement placement = registry.factory(name).orElseThrow().placement();
            if (placement.first() && i != 0) {
                throw new IllegalStateException("ringway.pipeline: " + name + " at position " + i + " in " + pipeline
                        + " (expected: first, as Swift requires)");
            }
            String after = placement.after();
            if (after != null && (i == 0 || !Objects.equals(pipeline.get(i - 1), after))) {
                throw new IllegalStateException("ringway.pipeline: " + name + " at position " + i + " in " + pipeline
                        + " (expected: right after " + after + ", as Swift requires)");
            }
        }
    }
}
