package io.ringway.federation;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringway.policy.FederatedPolicy;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.federation.s3.S3Target;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The configured targets, made and checked at start: each must say how to reach and authenticate
 * to its cluster (an S3 target's bucket template must make valid bucket names), and every federated policy of swift.conf must name one of them; a mistake stops
 * the start with a message naming the setting. A policy added later (swift.conf reloaded) that
 * names no target gets 503 at request time.
 */
public final class Targets implements AutoCloseable {

    private final Map<String, Target> byName;

    private Targets(Map<String, Target> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Makes the targets of {@code properties}, checked against {@code policies}, their meters in {@code registry}. */
    public static Targets create(FederationProperties properties, StoragePolicies policies, MeterRegistry registry) {
        requireNonNull(properties, "properties");
        Map<String, Target> made = new LinkedHashMap<>();
        try {
            properties.targets().forEach((name, target) -> made.put(name, create(name, target, properties, registry)));
            checkPolicies(policies, made.keySet());
        } catch (RuntimeException e) {
            made.values().forEach(Target::close);
            throw e;
        }
        return new Targets(made);
    }

    /** Only the given targets (tests). */
    public static Targets of(Collection<Target> targets) {
        Map<String, Target> byName = new LinkedHashMap<>();
        targets.forEach(target -> byName.put(target.name(), target));
        return new Targets(byName);
    }

    /** The target of {@code policy}; {@link TargetUnavailableException} when none has its name. */
    public Target of(FederatedPolicy policy) {
        Target target = byName.get(policy.target());
        if (target == null) {
            throw new TargetUnavailableException("storage policy " + policy.name() + " names target "
                    + policy.target() + ", which ringway.federation.targets does not configure");
        }
        return target;
    }

    /**
     * The health view of every target, by name: what the gateway saw ({@link TargetHealth}) and a
     * probe made now ({@link TargetProbe}), probes in parallel.
     */
    public Mono<Map<String, Map<String, Object>>> health() {
        return Flux.fromIterable(byName.values())
                .flatMap(target -> target.probe().map(probe -> Map.entry(target.name(), view(target.health(), probe))))
                .collectList()
                .map(entries -> {
                    Map<String, Map<String, Object>> view = new TreeMap<>();
                    entries.forEach(entry -> view.put(entry.getKey(), entry.getValue()));
                    return view;
                });
    }

    private static Map<String, Object> view(TargetHealth health, TargetProbe probe) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", health.type());
        view.put("reachable", probe.reachable());
        view.put("latency_ms", probe.millis());
        view.put("probe", probe.detail());
        view.put("breaker", health.breaker());
        view.put("in_flight", health.inFlight());
        view.put("last_answer", health.lastAnswerAt() != null ? health.lastAnswerAt().toString() : null);
        view.put("last_answer_ms", health.lastAnswerMillis());
        view.put("last_failure", health.lastFailureAt() != null ? health.lastFailureAt().toString() : null);
        view.put("last_failure_reason", health.lastFailure());
        return view;
    }

    /** The targets by name. */
    public Map<String, Target> all() {
        return byName;
    }

    private static Target create(String name, TargetProperties target, FederationProperties properties,
            MeterRegistry registry) {
        String setting = "ringway.federation.targets." + name;
        TargetLimits limits = properties.limitsOf(target);
        if (target.type() == TargetType.S3) {
            checkS3(setting, target);
            try {
                return new S3Target(name, target, limits, new TargetGuard(name, limits, registry), Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + ".bucket: " + e.getMessage(), e);
            }
        }
        boolean byAuth = target.authUrl() != null;
        if (byAuth && (isBlank(target.user()) || isBlank(target.key()))) {
            throw new IllegalStateException(setting + ": auth-url needs user and key");
        }
        if (!byAuth && (target.storageUrl() == null || isBlank(target.token()))) {
            throw new IllegalStateException(setting + ": set auth-url with user and key, or storage-url with token");
        }
        checkUrl(setting + ".auth-url", target.authUrl());
        checkUrl(setting + ".storage-url", target.storageUrl());
        return new SwiftTarget(name, target, limits, new TargetGuard(name, limits, registry));
    }

    private static void checkS3(String setting, TargetProperties target) {
        if (target.endpoint() == null) {
            throw new IllegalStateException(setting + ": an s3 target needs endpoint");
        }
        checkUrl(setting + ".endpoint", target.endpoint());
        if (isBlank(target.accessKey()) || isBlank(target.secretKey())) {
            throw new IllegalStateException(setting + ": an s3 target needs access-key and secret-key");
        }
        if (isBlank(target.region())) {
            throw new IllegalStateException(setting + ".region: empty");
        }
    }

    private static void checkUrl(String setting, @Nullable URI url) {
        if (url == null) {
            return;
        }
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalStateException(setting + ": " + url + " (expected: an http or https URL with a host)");
        }
    }

    private static void checkPolicies(StoragePolicies policies, Collection<String> targets) {
        for (StoragePolicy policy : policies.all()) {
            if (policy instanceof FederatedPolicy federated && !targets.contains(federated.target())) {
                throw new IllegalStateException("storage-policy:" + federated.index() + " (" + federated.name()
                        + ") names target " + federated.target() + ", which ringway.federation.targets does not"
                        + " configure (configured: " + (targets.isEmpty() ? "none" : String.join(", ", new TreeSet<>(targets))) + ")");
            }
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        byName.values().forEach(Target::close);
    }
}
