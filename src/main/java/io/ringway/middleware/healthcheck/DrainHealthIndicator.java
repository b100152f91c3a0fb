package io.ringway.middleware.healthcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Swift's drain, for Kubernetes: while healthcheck's {@code disable_path} file exists, this
 * indicator is out of service, so the readiness group (and only it) fails and the pod leaves its
 * Service's endpoints; liveness stays up, so the pod is not restarted. {@code /healthcheck}
 * answers {@code 503 DISABLED BY FILE} at the same time, for load balancers that ask Swift's way.
 */
public final class DrainHealthIndicator implements ReactiveHealthIndicator {

    private final @Nullable Path disablePath;

    public DrainHealthIndicator(HealthcheckConfig config) {
        String path = config.disablePath();
        this.disablePath = path.isEmpty() ? null : Path.of(path);
    }

    @Override
    public Mono<Health> health() {
        Path disable = disablePath;
        if (disable == null) {
            return Mono.just(Health.up().build());
        }
        // A file system check: off the event loop.
        return Mono.fromCallable(() -> Files.exists(disable)
                        ? Health.outOfService().withDetail("disabledByFile", disable.toString()).build()
                        : Health.up().withDetail("disablePath", disable.toString()).build())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
