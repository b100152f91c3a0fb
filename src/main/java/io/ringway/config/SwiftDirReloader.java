package io.ringway.config;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.SwiftConf;
import io.ringway.ring.Rings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Follows the swift directory every {@code ringway.ring-reload-time}, off the event loops: ring
 * files as Swift's {@code reload_time}, and {@code swift.conf}, whose storage policies take effect
 * (with the object ring of a new policy) once the file parses and keeps what must not change.
 * The hash path prefix and suffix never change under stored data, and {@code [swift-constraints]}
 * are read at start, as by Swift's proxy: a change to either is logged and not applied.
 */
final class SwiftDirReloader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SwiftDirReloader.class);

    private final Path swiftDir;
    private final SwiftConf started;
    private final Rings rings;
    private final Duration period;
    private String swiftConfText;
    private @Nullable Disposable task;

    SwiftDirReloader(Path swiftDir, SwiftConf started, Rings rings, Duration period) {
        this.swiftDir = requireNonNull(swiftDir, "swiftDir");
        this.started = requireNonNull(started, "started");
        this.rings = requireNonNull(rings, "rings");
        this.period = requireNonNull(period, "period");
        this.swiftConfText = readSwiftConf();
    }

    @Override
    public synchronized void start() {
        task = Flux.interval(period, period, Schedulers.boundedElastic())
                .subscribe(tick -> reloadIfChanged(), error -> log.error("Reloading the swift dir stopped", error));
    }

    /** One check: swift.conf first (its new policies may bring rings), then the ring files. Blocking. */
    void reloadIfChanged() {
        String text = readSwiftConf();
        if (!text.equals(swiftConfText)) {
            swiftConfText = text;
            takeSwiftConf(text);
        }
        int reloaded = rings.reloadIfChanged();
        if (reloaded > 0) {
            log.info("Reloaded {} ring(s)", reloaded);
        }
    }

    private void takeSwiftConf(String text) {
        SwiftConf newer;
        try {
            newer = SwiftConf.parse(text);
        } catch (IllegalArgumentException e) {
            log.error("{} changed but is not valid; keeping the storage policies in use: {}",
                    swiftDir.resolve(SwiftConf.FILE_NAME), e.getMessage());
            return;
        }
        if (!newer.hashPath().equals(started.hashPath())) {
            log.error("{}: the hash path prefix or suffix changed; ignored, since every stored object's place"
                    + " depends on them (restore them)", swiftDir.resolve(SwiftConf.FILE_NAME));
            return;
        }
        if (!newer.constraints().equals(started.constraints())) {
            log.warn("{}: [swift-constraints] changed; they apply after a restart, as in Swift",
                    swiftDir.resolve(SwiftConf.FILE_NAME));
        }
        try {
            int added = rings.loadObjectRings(newer.policies());
            started.policies().update(newer.policies());
            log.info("Took the storage policies of {}: {} ({} new object ring(s))",
                    swiftDir.resolve(SwiftConf.FILE_NAME), newer.policies().all(), added);
        } catch (IOException | IllegalArgumentException e) {
            log.error("{}: keeping the storage policies in use: {}", swiftDir.resolve(SwiftConf.FILE_NAME),
                    e.getMessage());
        }
    }

    private String readSwiftConf() {
        try {
            return Files.readString(swiftDir.resolve(SwiftConf.FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // A file being replaced may be missing for a moment: the next check sees it again.
            log.debug("cannot read swift.conf", e);
            return swiftConfText == null ? "" : swiftConfText;
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.dispose();
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
