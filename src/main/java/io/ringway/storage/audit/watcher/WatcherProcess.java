package io.ringway.storage.audit.watcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The watchers of one pass, run in a child JVM ({@link WatcherHost}) that this session feeds.
 * Each message waits at most {@link WatcherOptions#timeout()} for its answer (the start
 * {@link WatcherOptions#startTimeout()}); the writing happens on a thread of its own, so a child
 * that stops reading blocks only that thread. A child that does not answer in time, exits (a
 * watcher's {@code System.exit}, an {@code OutOfMemoryError} with its small heap) or answers out
 * of turn is killed at once, and the pass goes on without watchers: logged once, the auditor
 * waits no more. After the end the child may exit by itself for {@link WatcherOptions#exitDelay()},
 * then it is killed. Its standard error is copied into this log, each line at the level it starts
 * with, at most {@link #MAX_LOG_LINES} lines of {@link #MAX_LOG_LINE_BYTES} bytes a pass.
 */
final class WatcherProcess implements WatcherSession {

    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    static final int MAX_LOG_LINE_BYTES = 8 * 1024;
    static final int MAX_LOG_LINES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WatcherProcess.class);
    private static final Object END_OF_OUTPUT = new Object();
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AuditType type;
    private final WatcherOptions options;
    private final Process process;
    private final SeenTargets seen;
    private final ExecutorService writer;
    private final BlockingQueue<Object> answers = new ArrayBlockingQueue<>(4);
    private long nextId = 1;
    private long waitedNanos;
    private @Nullable String failure;
    private volatile boolean closed;

    private WatcherProcess(AuditType type, WatcherOptions options, Process process, SeenTargets seen) {
        this.type = type;
        this.options = options;
        this.process = process;
        this.seen = seen;
        String name = "watcher-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-" + process.pid();
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name + "-in"));
        daemon(this::readAnswers, name + "-out").start();
        daemon(this::copyLog, name + "-err").start();
    }

    /**
     * Starts a child for the watchers in {@code options} and starts them for a pass of
     * {@code type}; a session that does nothing when the child cannot be started.
     */
    static WatcherSession start(AuditType type, WatcherOptions options, SeenTargets seen) {
        Process process;
        try {
            process = new ProcessBuilder(ChildJvmCommand.of(options)).start();
        } catch (IOException e) {
            log.warn("Audit watchers {} not run for this {} pass: cannot start their JVM: {}", options.names(), type,
                    e.toString());
            return NONE;
        }
        WatcherProcess session = new WatcherProcess(type, options, process, seen);
        List<WatcherProtocol.WatcherSpec> specs = options.names().stream()
                .map(name -> new WatcherProtocol.WatcherSpec(name, options.configOf(name)))
                .toList();
        long id = session.nextId++;
        Map<String, Object> answer = session.call(WatcherProtocol.start(id, type, specs), id, options.startTimeout());
        if (answer != null) {
            Object loaded = answer.get("loaded");
            if (loaded instanceof List<?> names && names.size() == options.names().size()) {
                log.debug("Audit watchers {} started for a {} pass in child {}", names, type, process.pid());
            } else {
                log.warn("Of the audit watchers {} only {} started for this {} pass (see the watcher's log above)",
                        options.names(), loaded, type);
            }
        }
        return session;
    }

    /** The child process, while it lasts. */
    ProcessHandle child() {
        return process.toHandle();
    }

    @Override
    public List<String> see(AuditTarget target) {
        if (failure != null) {
            return List.of();
        }
        seen.add(target);
        long id = nextId++;
        long start = System.nanoTime();
        Map<String, Object> answer = call(WatcherProtocol.target(id, target), id, options.timeout());
        waitedNanos += System.nanoTime() - start;
        if (answer != null && overBudget()) {
            fail("waited " + waitedNanos / 1_000_000 + " ms on watchers in this pass (watcher-pass-budget "
                    + options.passBudget().toMillis() + " ms)");
            return List.of();
        }
        if (answer == null || !(answer.get("quarantine") instanceof List<?> names)) {
            return List.of();
        }
        return names.stream().map(String::valueOf).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> end() {
        if (failure != null) {
            return Map.of();
        }
        long id = nextId++;
        Map<String, Object> answer = call(WatcherProtocol.end(id), id, options.timeout());
        if (answer == null || !(answer.get("reports") instanceof Map<?, ?> reports)) {
            return Map.of();
        }
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        reports.forEach((name, report) -> {
            if (report instanceof Map<?, ?> map) {
                byName.put(String.valueOf(name), (Map<String, Object>) map);
            }
        });
        return byName;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (failure != null) {
            kill();
            return;
        }
        // End of input tells the child to exit; it gets the exit delay to do so, then it is killed.
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        writer.execute(() -> closeQuietly(process.getOutputStream()));
        writer.shutdown();
        process.onExit()
                .completeOnTimeout(process, options.exitDelay().toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(() -> {
                    descendants.forEach(ProcessHandle::destroyForcibly);
                    kill();
                });
    }

    /** Sends one message and waits for its answer; {@code null} (and the watchers stopped) when none comes in time. */
    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> call(String message, long id, Duration timeout) {
        writer.execute(() -> write(message));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no answer within " + timeout.toMillis() + " ms");
                return null;
            }
            Object answer;
            try {
                answer = answers.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("the auditor was interrupted");
                return null;
            }
            if (answer == null) {
                continue;
            }
            if (answer == END_OF_OUTPUT) {
                fail(exitDescription());
                return null;
            }
            if (answer instanceof String problem) {
                fail(problem);
                return null;
            }
            Map<String, Object> map = (Map<String, Object>) answer;
            if (!(map.get("id") instanceof Number number) || number.longValue() != id) {
                fail("answered " + map.get("id") + " to message " + id);
                return null;
            }
            return map;
        }
    }

    private boolean overBudget() {
        return !options.passBudget().isZero() && waitedNanos > options.passBudget().toNanos();
    }

    private void fail(String reason) {
        failure = reason;
        log.warn("Audit watchers {} stopped for the rest of this {} pass (child {}): {}; the pass goes on without them",
                options.names(), type, process.pid(), reason);
        kill();
        try {
            // SIGKILL is not refused: wait the moment it takes, so the pass never runs beside a dying child
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        closed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        writer.shutdownNow();
    }

    private String exitDescription() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return "the child exited with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "the child closed its output";
    }

    private void write(String message) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // the child is gone: its end of output tells the waiting auditor
        }
    }

    /** The child's answers, each a map, a problem (a string) or the end of its output. */
    private void readAnswers() {
        BoundedLines lines = new BoundedLines(process.getInputStream(), MAX_ANSWER_BYTES);
        try {
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.truncated()) {
                    offer("an answer longer than " + MAX_ANSWER_BYTES + " bytes");
                    return;
                }
                if (!line.text().startsWith("{")) {
                    // the JVM's own words on standard output (HotSpot prints "Terminating due to
                    // java.lang.OutOfMemoryError" there before it exits), not an answer
                    log.warn("watcher[{}] {}", process.pid(), abbreviate(line.text()));
                    continue;
                }
                try {
                    offer(WatcherProtocol.parse(line.text()));
                } catch (RuntimeException e) {
                    offer("an answer that is not a JSON object: " + abbreviate(line.text()));
                    return;
                }
            }
        } catch (IOException e) {
            // killed: the end of output below says so
        }
        offer(END_OF_OUTPUT);
    }

    /** Hands an item to the waiting auditor, giving up once the session is closed. */
    private void offer(Object item) {
        try {
            while (!answers.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copyLog() {
        BoundedLines lines = new BoundedLines(process.getErrorStream(), MAX_LOG_LINE_BYTES);
        String prefix = "watcher[" + process.pid() + "] ";
        int count = 0;
        try {
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                count++;
                if (count <= MAX_LOG_LINES) {
                    String text = line.truncated() ? line.text() + "[...]" : line.text();
                    log.atLevel(levelOf(text)).log(prefix + text);
                } else if (count == MAX_LOG_LINES + 1) {
                    log.warn("{}more than {} lines of log in one pass: the rest is dropped", prefix, MAX_LOG_LINES);
                }
            }
        } catch (IOException e) {
            // killed
        }
    }

    /** The level a line of the child's log starts with ({@code watcher-logback.xml}'s pattern); INFO otherwise. */
    static Level levelOf(String line) {
        for (Level level : List.of(Level.ERROR, Level.WARN, Level.DEBUG, Level.TRACE)) {
            if (line.startsWith(level.name() + " ")) {
                return level;
            }
        }
        // a stack trace's lines belong with the error above them
        return line.startsWith("\tat ") || line.startsWith("Caused by: ") ? Level.ERROR : Level.INFO;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the child is gone already
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(requireNonNull(runnable, "runnable"), name);
        thread.setDaemon(true);
        return thread;
    }
}
