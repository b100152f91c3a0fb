package io.ringway.storage.audit.watcher.darkdata;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.audit.watcher.AuditTarget;
import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.audit.watcher.AuditWatcher;
import io.ringway.storage.audit.watcher.QuarantineRequest;
import io.ringway.storage.audit.watcher.WatcherSettings;
import io.ringway.swift.ObjectName;
import io.ringway.swift.Timestamp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's {@code dark_data} watcher: an object that no container lists is dark. Each object of an
 * {@code ALL} pass older than {@code grace_age} is looked up in its container on every primary
 * replica of the container ring; it is dark only when every replica answered and none lists it
 * (one that cannot be asked makes it unknown, never dark). A dark object is then logged
 * ({@code action = log}, the default) or quarantined ({@code action = quarantine}: the auditor
 * moves it, the watcher never touches files). Swift's {@code delete} action is not offered: a
 * quarantined object can still be put back. {@code ZBF}, container and account passes are ignored.
 *
 * <p>Settings ({@code ringway.storage.auditor.watcher.dark_data.*}): {@code action} ({@code log}
 * or {@code quarantine}), {@code grace_age} (seconds, Swift's default a week), {@code conn_timeout}
 * (0.5 s) and {@code node_timeout} (3 s) for each container server asked; all replicas are asked
 * at once, so an object costs at most one of each, well inside the auditor's wait for a watcher.
 */
final class DarkDataWatcher implements AuditWatcher {

    private static final Logger log = LoggerFactory.getLogger(DarkDataWatcher.class);

    private final ContainerListings listings;
    private final Action action;
    private final Duration graceAge;
    private final Clock clock;
    private boolean active;
    private long unknown;
    private long okay;
    private long dark;

    DarkDataWatcher(ContainerListings listings, Action action, Duration graceAge, Clock clock) {
        this.listings = requireNonNull(listings, "listings");
        this.action = requireNonNull(action, "action");
        this.graceAge = requireNonNull(graceAge, "graceAge");
        this.clock = requireNonNull(clock, "clock");
    }

    static DarkDataWatcher create(Map<String, String> config) {
        String swiftDir = WatcherSettings.get(config, "swift_dir", "/etc/swift");
        ContainerListings listings = ContainerListings.load(Path.of(swiftDir),
                WatcherSettings.seconds(config, "conn_timeout", Duration.ofMillis(500)),
                WatcherSettings.seconds(config, "node_timeout", Duration.ofSeconds(3)));
        return new DarkDataWatcher(listings, Action.of(WatcherSettings.get(config, "action")),
                WatcherSettings.seconds(config, "grace_age", Duration.ofDays(7)), Clock.systemUTC());
    }

    @Override
    public void start(AuditType type) {
        active = type == AuditType.ALL;
        unknown = 0;
        okay = 0;
        dark = 0;
    }

    @Override
    public void seeTarget(AuditTarget target) {
        if (!active || target.kind() != AuditTarget.Kind.OBJECT) {
            return;
        }
        Timestamp put = Timestamp.parseOrNull(target.metadata().get("X-Timestamp"));
        if (put == null || put.epochMillis() + graceAge.toMillis() >= clock.millis()) {
            okay++;
            return;
        }
        ObjectName name = ObjectName.parse(target.name());
        if (name == null) {
            unknown++;
            return;
        }
        switch (listings.lookUp(name)) {
            case LISTED -> okay++;
            case UNKNOWN -> unknown++;
            case NOT_LISTED -> {
                dark++;
                if (action == Action.QUARANTINE) {
                    log.info("quarantining dark data {}", target.name());
                    throw new QuarantineRequest("dark data " + target.name());
                }
                log.warn("reporting dark data {} ({})", target.name(), target.path());
            }
        }
    }

    @Override
    public void end() {
        if (active) {
            log.info("total unknown {} ok {} dark {}", unknown, okay, dark);
        }
    }

    /** What to do with a dark object. */
    enum Action {
        LOG, QUARANTINE;

        static Action of(String value) {
            if (value == null || value.isBlank()) {
                return LOG;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "log" -> LOG;
                case "quarantine" -> QUARANTINE;
                default -> {
                    log.warn("Dark data action '{}' unknown, defaults to action = 'log'", value);
                    yield LOG;
                }
            };
        }
    }
}
