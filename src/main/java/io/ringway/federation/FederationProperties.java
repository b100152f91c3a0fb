package io.ringway.federation;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The remote clusters federated storage policies forward to ({@code ringway.federation.*}).
 *
 * @param targets the targets by name (the {@code target} of a {@code policy_type = federated}
 *     section of swift.conf)
 * @param defaults limits for every target that does not set its own
 */
@ConfigurationProperties("ringway.federation")
public record FederationProperties(
        @DefaultValue Map<String, TargetProperties> targets,
        @Nullable TargetLimits defaults) {

    /** The limits {@code target} runs with: its own, else the defaults', else the built-in ones. */
    public TargetLimits limitsOf(TargetProperties target) {
        TargetLimits own = target.limits() != null ? target.limits() : TargetLimits.unset();
        TargetLimits shared = defaults != null ? defaults : TargetLimits.unset();
        return own.orElse(shared).orElse(TargetLimits.BUILT_IN);
    }
}
