package io.ringway.storage.audit.watcher;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The main class of an audit pass's watcher child JVM: loads the named watchers through
 * {@link ServiceLoader}, reads the auditor's messages ({@link WatcherProtocol}) from standard
 * input and answers each on standard output. Whatever a watcher throws is logged to standard
 * error (which the auditor copies to its log) and does not stop the others. Standard output is
 * the protocol's alone: {@code System.out} is pointed at standard error before any watcher code
 * runs, so a watcher that prints cannot corrupt it. Exits when its input ends.
 */
public final class WatcherHost {

    private final Map<String, AuditWatcherFactory> factories;
    private final List<Running> running = new ArrayList<>();

    WatcherHost(Map<String, AuditWatcherFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        WatcherHost host = new WatcherHost(loadFactories());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            protocol.println(host.answer(line));
            protocol.flush();
        }
        // the auditor closed our input: the pass is over (it kills us if we linger)
        System.exit(0);
    }

    /** The answer to one message. */
    String answer(String line) {
        Map<String, Object> message = WatcherProtocol.parse(line);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", message.get("id"));
        switch (String.valueOf(message.get("op"))) {
            case "start" -> answer.put("loaded", start(message));
            case "target" -> {
                List<String> quarantine = see(WatcherProtocol.parseTarget(map(message.get("target"))));
                if (!quarantine.isEmpty()) {
                    answer.put("quarantine", quarantine);
                }
            }
            case "end" -> answer.put("reports", end());
            default -> HostLog.warn("unknown message " + message.get("op"));
        }
        return WatcherProtocol.JSON.writeValueAsString(answer);
    }

    private List<String> start(Map<String, Object> message) {
        AuditType type = AuditType.valueOf(String.valueOf(message.get("type")));
        List<String> loaded = new ArrayList<>();
        for (Object item : (List<?>) message.get("watchers")) {
            Map<String, Object> spec = map(item);
            String name = String.valueOf(spec.get("name"));
            AuditWatcherFactory factory = factories.get(name);
            if (factory == null) {
                HostLog.error("no audit watcher named " + name + " on the classpath (found: " + factories.keySet() + ")");
                continue;
            }
            try {
                AuditWatcher watcher = factory.create(strings(map(spec.get("config"))));
                watcher.start(type);
                running.add(new Running(name, watcher));
                loaded.add(name);
            } catch (Throwable e) {
                // Swift's WatcherWrapper: a watcher that fails to start sits the pass out
                HostLog.error("watcher " + name + " failed to start, skipped for this pass", e);
            }
        }
        return loaded;
    }

    private List<String> see(AuditTarget target) {
        List<String> quarantine = new ArrayList<>();
        for (Running watcher : running) {
            try {
                watcher.watcher().seeTarget(target);
            } catch (QuarantineRequest request) {
                quarantine.add(watcher.name());
            } catch (Throwable e) {
                HostLog.error("watcher " + watcher.name() + " failed on " + target.name(), e);
            }
        }
        return quarantine;
    }

    private Map<String, Object> end() {
        Map<String, Object> reports = new LinkedHashMap<>();
        for (Running watcher : running) {
            try {
                watcher.watcher().end();
                Map<String, Object> report = watcher.watcher().report();
                if (report != null && !report.isEmpty()) {
                    reports.put(watcher.name(), report);
                }
            } catch (Throwable e) {
                HostLog.error("watcher " + watcher.name() + " failed at the end of the pass", e);
            }
        }
        running.clear();
        return reports;
    }

    private static Map<String, AuditWatcherFactory> loadFactories() {
        Map<String, AuditWatcherFactory> factories = new LinkedHashMap<>();
        Iterator<AuditWatcherFactory> found = ServiceLoader.load(AuditWatcherFactory.class).iterator();
        while (true) {
            try {
                if (!found.hasNext()) {
                    return factories;
                }
                AuditWatcherFactory factory = found.next();
                factories.putIfAbsent(factory.name(), factory);
            } catch (ServiceConfigurationError | RuntimeException e) {
                HostLog.error("an audit watcher factory could not be loaded", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    private record Running(String name, AuditWatcher watcher) {
    }

    /** The host's own lines on standard error, in the level-first form the auditor reads. */
    static final class HostLog {

        private HostLog() {
        }

        static void warn(String message) {
            System.err.println("WARN  WatcherHost - " + message);
        }

        static void error(String message) {
            System.err.println("ERROR WatcherHost - " + message);
        }

        static void error(String message, Throwable e) {
            error(message + ": " + e);
            e.printStackTrace(System.err);
        }
    }
}
