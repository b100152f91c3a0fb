package io.ringway.storage.audit.watcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watchers for tests, registered in the test classpath's {@code META-INF/services}: one that
 * behaves ({@code test_counting}) and one for each way a watcher can misbehave.
 */
public final class TestWatchers {

    private TestWatchers() {
    }

    /** Counts what it sees and reports the names; asks to quarantine objects whose name ends with {@code dark}. */
    public static final class Counting implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_counting";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            return new AuditWatcher() {
                private final List<String> seen = new ArrayList<>();
                private String type = "";

                @Override
                public void start(AuditType auditType) {
                    type = auditType.name();
                }

                @Override
                public void seeTarget(AuditTarget target) {
                    seen.add(target.name());
                    if (target.name().endsWith("dark")) {
                        throw new QuarantineRequest("dark");
                    }
                }

                @Override
                public void end() {
                }

                @Override
                public Map<String, Object> report() {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("type", type);
                    report.put("seen", seen);
                    report.put("config", config);
                    return report;
                }
            };
        }
    }

    /** Throws from every call. */
    public static final class Throwing implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_throwing";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            return new Misbehaving(() -> {
                throw new IllegalStateException("test_throwing throws, as asked");
            });
        }
    }

    /** Never returns from {@code seeTarget}. */
    public static final class Hanging implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_hanging";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            return new Misbehaving(() -> {
                while (true) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // hang on regardless
                    }
                }
            });
        }
    }

    /** Takes 700 ms over each target. */
    public static final class Slow implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_slow";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            return new Misbehaving(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Holds on to memory until its JVM runs out of it. */
    public static final class Leaking implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_leaking";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            List<byte[]> kept = new ArrayList<>();
            return new Misbehaving(() -> {
                while (true) {
                    kept.add(new byte[1024 * 1024]);
                }
            });
        }
    }

    /** Exits the JVM with status 3. */
    public static final class Exiting implements AuditWatcherFactory {
        @Override
        public String name() {
            return "test_exiting";
        }

        @Override
        public AuditWatcher create(Map<String, String> config) {
            return new Misbehaving(() -> System.exit(3));
        }
    }

    /** Misbehaves in {@code seeTarget} as {@code behaviour} says; otherwise quiet. */
    private static final class Misbehaving implements AuditWatcher {

        private final Runnable behaviour;

        Misbehaving(Runnable behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public void start(AuditType type) {
        }

        @Override
        public void seeTarget(AuditTarget target) {
            behaviour.run();
        }

        @Override
        public void end() {
        }
    }
}
