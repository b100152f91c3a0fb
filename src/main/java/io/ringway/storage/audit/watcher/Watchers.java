package io.ringway.storage.audit.watcher;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's audit watchers: starts them for each pass ({@link #open}), each pass in a child JVM of
 * its own, and hands their reports to the handlers registered by watcher name once a pass is over
 * ({@link Pass#end()}). With no watcher configured, no child is started.
 */
public final class Watchers {

    private static final Logger log = LoggerFactory.getLogger(Watchers.class);

    private final WatcherOptions options;
    private final Map<String, WatcherReportHandler> handlers;
    private final AtomicReference<ProcessHandle> lastChild = new AtomicReference<>();

    public Watchers(WatcherOptions options, List<WatcherReportHandler> handlers) {
        this.options = requireNonNull(options, "options");
        this.handlers = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(WatcherReportHandler::watcherName, Function.identity()));
    }

    /** Without watchers. */
    public static Watchers none() {
        return new Watchers(new WatcherOptions(List.of(), Map.of(), Map.of(), java.time.Duration.ofSeconds(1),
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 1, List.of(), List.of()), List.of());
    }

    public WatcherOptions options() {
        return options;
    }

    /** The watchers of a new pass of {@code type}; close it when the pass is over. */
    public Pass open(AuditType type) {
        SeenTargets seen = new SeenTargets();
        if (options.names().isEmpty()) {
            return new Pass(type, WatcherSession.NONE, seen);
        }
        WatcherSession session = WatcherProcess.start(type, options, seen);
        if (session instanceof WatcherProcess child) {
            lastChild.set(child.child());
        }
        return new Pass(type, session, seen);
    }

    /** The child of the latest pass, for diagnostics and tests: whether it still runs. */
    public Optional<ProcessHandle> lastChild() {
        return Optional.ofNullable(lastChild.get());
    }

    /**
     * The watchers of one pass: a {@link WatcherSession} whose {@link #end()} also hands the
     * reports to their handlers.
     */
    public final class Pass implements WatcherSession {

        private final AuditType type;
        private final WatcherSession session;
        private final SeenTargets seen;

        private Pass(AuditType type, WatcherSession session, SeenTargets seen) {
            this.type = type;
            this.session = session;
            this.seen = seen;
        }

        @Override
        public List<String> see(AuditTarget target) {
            return session.see(target);
        }

        @Override
        public Map<String, Map<String, Object>> end() {
            Map<String, Map<String, Object>> reports = session.end();
            reports.forEach((name, report) -> {
                WatcherReportHandler handler = handlers.get(name);
                if (handler == null) {
                    return;
                }
                try {
                    handler.handle(type, report, seen);
                } catch (RuntimeException e) {
                    log.error("The report of audit watcher {} could not be used", name, e);
                }
            });
            return reports;
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
