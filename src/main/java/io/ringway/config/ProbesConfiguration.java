package io.ringway.config;

import io.ringway.middleware.StageConfigs;
import io.ringway.middleware.healthcheck.DrainHealthIndicator;
import io.ringway.middleware.healthcheck.HealthcheckConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kubernetes probes on the management port ({@code /actuator/health/liveness} and
 * {@code /readiness}, application.yml's health groups): readiness also follows healthcheck's
 * disable file, in every role, so that an operator drains a pod as a Swift proxy is drained.
 */
@Configuration(proxyBeanMethods = false)
class ProbesConfiguration {

    /** The {@code drain} health contributor, named in the readiness group. */
    @Bean
    DrainHealthIndicator drainHealthIndicator(Environment environment) {
        return new DrainHealthIndicator(
                new StageConfigs(Binder.get(environment)).bind("healthcheck", HealthcheckConfig.class));
    }
}
