package io.ringway.middleware.healthcheck;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ringway.middleware.healthcheck}.
 *
 * @param disablePath a file whose presence makes {@code /healthcheck} answer 503, to take this
 *     gateway out of a load balancer before maintenance (Swift's {@code disable_path}); empty
 *     for none
 */
public record HealthcheckConfig(@DefaultValue("") String disablePath) {
}
