import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ringway's side-by-side benchmark: two Swift endpoints in front of the same storage nodes (the
 * reference first, then the candidate: {@code swift} and {@code ringway} in
 * {@code scripts/bench.sh --compare}), every phase run for one and then the other, so that noise
 * on the shared machine hits both alike; then a table of both with the candidate's ratios.
 *
 * <pre>
 *   javac -d DIR bench/*.java
 *   java -cp DIR Compare --target NAME --auth URL [--user U --key K] --pids PID,... \
 *        --target NAME --auth URL [--user U --key K] --pids PID,... \
 *        [--storage-pids PID,...] [--memcached-pids PID,...] [--concurrency 16,64] [--duration 10]
 *        [--warmup 30] [--rounds 1] [--size 4096] [--big 1G|0] [--chunked] [--only small,big]
 *        [--goal proxy|forwarding] [--keep]
 * </pre>
 *
 * <p>It reuses {@link Bench}'s client, workers and big-object transfer, and {@link CompareReport}
 * prints (compiled together: Java 17 runs a single source file only). CPU is read from /proc per phase for four groups:
 * the measured gateway's processes, the storage servers, memcached, and the other gateway (idle
 * during the phase, counted only so that it is not taken for foreign load).
 */
public final class Compare {

    public static void main(String[] args) throws Exception {
        CompareOptions options = CompareOptions.parse(args);
        List<Target> targets = new ArrayList<>();
        for (CompareOptions.TargetSpec spec : options.targets) {
            targets.add(Target.open(spec));
        }
        Meter meter = new Meter(options.storagePids, options.memcachedPids);
        int failures = new Session(options, targets, meter).run();
        targets.forEach(Target::close);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One gateway: its endpoint, processes, container and the 4 KiB objects it wrote. */
    static final class Target implements AutoCloseable {
        final String name;
        final CompareOptions.TargetSpec spec;
        Bench.Endpoint endpoint;
        final List<Long> pids;
        final String container;
        final Bench.ProcSampler rss;
        final Map<Integer, String[]> written = new HashMap<>();

        private Target(CompareOptions.TargetSpec spec, String name, Bench.Endpoint endpoint, List<Long> pids) {
            this.spec = spec;
            this.name = name;
            this.endpoint = endpoint;
            this.pids = pids;
            this.container = "bench-" + System.currentTimeMillis() + "-" + name;
            this.rss = Bench.ProcSampler.start(pids, List.of());
        }

        static Target open(CompareOptions.TargetSpec spec) throws IOException {
            Bench.Endpoint endpoint = spec.s3 != null
                    ? Bench.Endpoint.s3(URI.create(spec.s3), spec.user, spec.key, spec.region)
                    : Bench.Endpoint.authenticate(URI.create(spec.auth), spec.user, spec.key);
            return new Target(spec, spec.name, endpoint, spec.pids);
        }

        /**
         * A token that outlives the next {@code seconds}: when the current one expires sooner, waits
         * for its expiry and authenticates again (tempauth hands out the same token until then).
         */
        void tokenFor(long seconds) throws IOException, InterruptedException {
            long left = endpoint.expiresAtMillis() - System.currentTimeMillis();
            if (left > (seconds + 30) * 1000) {
                return;
            }
            System.out.printf("# %s: token expires in %d s, authenticating again after that%n", name, left / 1000);
            Thread.sleep(Math.max(0, left) + 1000);
            endpoint = Bench.Endpoint.authenticate(URI.create(spec.auth), spec.user, spec.key);
        }

        Bench.Auth auth() {
            return endpoint.auth();
        }

        String objectPath(String object) {
            return endpoint.path(container + "/" + object);
        }

        Bench.Conn conn() {
            return new Bench.Conn(endpoint.host(), endpoint.port());
        }

        @Override
        public void close() {
            rss.close();
        }
    }

    /** The phases, alternating between the targets, and the report. */
    static final class Session {
        private final CompareOptions options;
        private final List<Target> targets;
        private final Meter meter;
        private final List<CompareReport.Row> rows = new ArrayList<>();
        private final List<CompareReport.BigRow> bigRows = new ArrayList<>();
        private int failures;

        Session(CompareOptions options, List<Target> targets, Meter meter) {
            this.options = options;
            this.targets = targets;
            this.meter = meter;
        }

        int run() throws Exception {
            for (Target t : targets) {
                System.out.printf("# %s: %s container %s, gateway pids %s%n", t.name, t.endpoint.storageUrl(),
                        t.container, t.pids);
                try (Bench.Conn conn = t.conn()) {
                    Bench.Response created = conn.exchange("PUT", t.endpoint.path(t.container), t.auth(), new byte[0]);
                    if (created.status() / 100 != 2) {
                        throw new IOException(t.name + ": PUT container " + t.container + ": " + created.status()
                                + " " + created.bodyText());
                    }
                }
            }
            System.out.printf("# storage pids %s, memcached pids %s%n", options.storagePids, options.memcachedPids);
            if (options.runs("small")) {
                small();
            }
            if (options.runs("big") && options.big > 0) {
                big();
            }
            new CompareReport.Summary(targets.get(0).name, targets.get(1).name, rows, bigRows, options.goal).print();
            return failures;
        }

        private void small() throws InterruptedException {
            byte[] body = new byte[options.size];
            new Bench.Generator(42).fill(body, 0);
            int top = options.concurrency[options.concurrency.length - 1];
            if (options.warmup > 0) {
                for (Target t : targets) {
                    warmup(t, body, top);
                }
            }
            System.out.println(CompareReport.Row.HEADER);
            for (int round = 1; round <= options.rounds; round++) {
                if (options.rounds > 1) {
                    System.out.printf("# round %d of %d%s%n", round, options.rounds,
                            round < options.rounds ? " (printed, not in the tables: the JIT is still at work)" : "");
                }
                measure(body, round == options.rounds);
            }
        }

        /** Every 4 KiB phase once, ABBA; {@code report}: the rows go into the tables. */
        private void measure(byte[] body, boolean report) throws InterruptedException {
            int pair = 0;
            for (int concurrency : options.concurrency) {
                for (String method : List.of("PUT", "GET", "HEAD")) {
                    // ABBA: who goes first alternates, so a drift in the machine's load favours neither.
                    List<Target> order = pair++ % 2 == 0 ? targets : List.of(targets.get(1), targets.get(0));
                    for (Target t : order) {
                        if (!method.equals("PUT") && t.written.getOrDefault(concurrency, new String[0]).length == 0) {
                            System.out.printf("# %s: no 4 KiB object written at %d connections: %s skipped%n",
                                    t.name, concurrency, method);
                            failures++;
                            continue;
                        }
                        CompareReport.Row row = smallPhase(t, method, concurrency, options.duration, body,
                                "c" + concurrency);
                        if (report) {
                            rows.add(row);
                        }
                        System.out.println(row.line());
                        if (row.result().errors() > 0) {
                            failures++;
                            System.out.println("#   first error: " + row.result().firstError());
                        }
                    }
                }
            }
        }

        private void warmup(Target t, byte[] body, int concurrency) throws InterruptedException {
            long puts = 0;
            for (String method : List.of("PUT", "GET", "HEAD")) {
                if (!method.equals("PUT") && t.written.getOrDefault(concurrency, new String[0]).length == 0) {
                    break;
                }
                CompareReport.Row row = smallPhase(t, method, concurrency, options.warmup, body, "warmup");
                puts = method.equals("PUT") ? row.result().requests() : puts;
            }
            System.out.printf(Locale.ROOT, "# %s warmup: %d s each of PUT, GET, HEAD at %d connections (%d PUTs)%n",
                    t.name, options.warmup, concurrency, puts);
        }

        /** A PUT phase writes objects named after {@code prefix}; GET and HEAD read the last PUT's. */
        private CompareReport.Row smallPhase(Target t, String method, int concurrency, int seconds, byte[] body,
                String prefix) throws InterruptedException {
            String name = method + " " + Bench.Sizes.human(options.size);
            if (method.equals("PUT")) {
                ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
                CompareReport.Row row = phase(t, name, concurrency, seconds, (client, worker, i) -> {
                    String object = prefix + "-w" + worker + "-" + i;
                    int status = client.send("PUT", t.objectPath(object), body);
                    if (status == 201 || status == 200) {
                        written.add(object);
                    }
                    return status;
                });
                t.written.put(concurrency, written.toArray(String[]::new));
                return row;
            }
            String[] names = t.written.getOrDefault(concurrency, new String[0]);
            if (names.length == 0) {
                throw new IllegalStateException(t.name + ": no 4 KiB object written at " + concurrency
                        + " connections to " + method);
            }
            return phase(t, name, concurrency, seconds, (client, worker, i) -> {
                // Each worker starts at its own offset and walks the names, as Bench does.
                int pick = (int) ((worker * (long) names.length / concurrency + i) % names.length);
                return client.send(method, t.objectPath(names[pick]), null);
            });
        }

        private CompareReport.Row phase(Target t, String name, int concurrency, int seconds, Bench.Op op)
                throws InterruptedException {
            Bench.Worker[] workers = new Bench.Worker[concurrency];
            CountDownLatch ready = new CountDownLatch(concurrency);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong deadline = new AtomicLong();
            try {
                t.tokenFor(seconds);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int w = 0; w < concurrency; w++) {
                Bench.Client client = new Bench.RawClient(t.conn(), t.auth());
                workers[w] = new Bench.Worker(w, op, client, ready, go, deadline);
                workers[w].start();
            }
            ready.await();
            Meter.Sample sample = meter.begin(t.pids, idle(t));
            long start = System.nanoTime();
            deadline.set(start + seconds * 1_000_000_000L);
            go.countDown();
            for (Bench.Worker worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - start;
            Cpu cpu = meter.end(sample);
            Bench.ProcSampler.Usage usage = new Bench.ProcSampler.Usage(cpu.gatewayMs(), cpu.gatewaySystemPercent(),
                    cpu.storageMs() + cpu.memcachedMs(), cpu.benchMs(), cpu.foreignPercent(), 0, 0, t.rss.rssKb(),
                    true);
            return new CompareReport.Row(t.name, Bench.PhaseResult.of(name, concurrency, elapsed, workers, usage), cpu);
        }

        /** The other gateways' processes: idle while {@code t} is measured. */
        private List<Long> idle(Target t) {
            List<Long> idle = new ArrayList<>();
            targets.stream()
                    .filter(other -> other != t)
                    .forEach(other -> idle.addAll(other.pids));
            return idle;
        }

        /**
         * Each target in turn: PUT, GET, DELETE (so that the disk holds one big object at a time),
         * {@code --rounds} times like the 4 KiB phases, who goes first alternating between rounds
         * (the disk may still be busy with the other's DELETE). The big-body code paths are compiled
         * during the first round (a first 1 GiB GET cost Ringway twice the CPU of a later one), so
         * the first round is not tabled once there are later ones; and one transfer of a few seconds
         * varies by a third from run to run here (the storage nodes' fsyncs), so with three or more
         * rounds the table shows, per target and phase, the round with the median MB/s of the
         * rounds after the first.
         */
        private void big() throws IOException {
            System.out.println(CompareReport.BigRow.HEADER);
            List<CompareReport.BigRow> tabled = new ArrayList<>();
            for (int round = 1; round <= options.rounds; round++) {
                boolean counts = round == options.rounds || options.rounds >= 3 && round > 1;
                if (options.rounds > 1) {
                    System.out.printf("# big round %d of %d%s%n", round, options.rounds,
                            counts ? "" : " (printed, not in the tables: the JIT is still at work)");
                }
                List<Target> order = round % 2 == 1 ? targets : List.of(targets.get(1), targets.get(0));
                bigRound(order, counts ? tabled : new ArrayList<>());
            }
            if (options.rounds >= 3) {
                System.out.printf("# big: tabled per target and phase, the median MB/s of rounds 2 to %d%n",
                        options.rounds);
            }
            for (Target t : targets) {
                for (String phase : List.of("PUT", "GET")) {
                    List<CompareReport.BigRow> runs = tabled.stream()
                            .filter(row -> row.target().equals(t.name) && row.phase().startsWith(phase + " "))
                            .sorted(java.util.Comparator.comparingDouble(CompareReport.BigRow::megabytesPerSecond))
                            .toList();
                    if (!runs.isEmpty()) {
                        bigRows.add(runs.get((runs.size() - 1) / 2));
                    }
                }
            }
        }

        private void bigRound(List<Target> order, List<CompareReport.BigRow> tabled) throws IOException {
            String label = Bench.Sizes.human(options.big);
            for (Target t : order) {
                String path = t.objectPath("big-" + options.big);
                try {
                    // The PUT and GET of the big object together take well under 10 minutes here.
                    t.tokenFor(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                Bench.BigTransfer transfer = new Bench.BigTransfer(t.endpoint, t.auth(), path, options.big,
                        options.chunked, t.rss);
                settleDisk();
                Meter.Sample sample = meter.begin(t.pids, idle(t));
                Bench.BigTransfer.Result put = transfer.put();
                CompareReport.BigRow putRow = new CompareReport.BigRow(t.name, "PUT " + label, put, meter.end(sample));
                report(putRow, tabled);
                if (!put.ok()) {
                    continue;
                }
                sample = meter.begin(t.pids, idle(t));
                Bench.BigTransfer.Result get = transfer.get(put.md5());
                report(new CompareReport.BigRow(t.name, "GET " + label, get, meter.end(sample)), tabled);
                if (!options.keep) {
                    try (Bench.Conn conn = t.conn()) {
                        long start = System.nanoTime();
                        int status = conn.exchange("DELETE", path, t.auth(), null).status();
                        System.out.printf(Locale.ROOT, "# %s DELETE %s: %d in %.2f s%n", t.name, label, status,
                                (System.nanoTime() - start) / 1e9);
                        failures += status / 100 == 2 ? 0 : 1;
                    }
                }
            }
        }

        /**
         * Writes the disk's dirty pages back ({@code sync}) before a big PUT: the other target's
         * transfer and DELETE (and the 4 KiB phases' files) otherwise go on being written back
         * during this PUT, on the same disk, and one target's PUT pays for the other's writes.
         */
        private static void settleDisk() throws IOException {
            long start = System.nanoTime();
            try {
                int status = new ProcessBuilder("sync").inheritIO().start().waitFor();
                System.out.printf(Locale.ROOT, "# sync before the big PUT: exit %d in %.2f s%n", status,
                        (System.nanoTime() - start) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private void report(CompareReport.BigRow row, List<CompareReport.BigRow> tabled) {
            tabled.add(row);
            System.out.println(row.line());
            if (!row.transfer().ok()) {
                failures++;
                System.out.println("#   error: " + row.transfer().error());
            }
        }
    }

    /**
     * Options: {@code --target NAME} starts a target; {@code --auth}, {@code --user}, {@code --key} and
     * {@code --pids} apply to the last one.
     */
    static final class CompareOptions {
        final List<TargetSpec> targets = new ArrayList<>();
        List<Long> storagePids = List.of();
        List<Long> memcachedPids = List.of();
        int[] concurrency = {16, 64};
        int duration = 10;
        // Longer than Bench's 10: with 10 s per operation Ringway's JVM was still compiling in the first
        // measured phase (its PUT at 16 connections cost twice the CPU it cost after 30 s).
        int warmup = 30;
        int rounds = 1;
        int size = 4096;
        long big = 1L << 30;
        boolean chunked;
        boolean keep;
        String only = "small,big";
        /** Whose targets the summary checks: {@code proxy} (issue 4's) or {@code forwarding} (issue 5's). */
        CompareReport.Goal goal = CompareReport.Goal.PROXY;

        static final class TargetSpec {
            final String name;
            String auth;
            String user = "test:tester";
            String key = "testing";
            /** An S3 endpoint instead of Swift auth: path style, signed with user (access key) and key (secret). */
            String s3;
            String region = "us-east-1";
            List<Long> pids = List.of();

            TargetSpec(String name) {
                this.name = name;
            }
        }

        static CompareOptions parse(String[] args) {
            CompareOptions o = new CompareOptions();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--chunked") || name.equals("--keep")) {
                    o.chunked |= name.equals("--chunked");
                    o.keep |= name.equals("--keep");
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw usage("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--target" -> o.targets.add(new TargetSpec(value));
                    case "--auth" -> last(o, name).auth = value;
                    case "--s3" -> last(o, name).s3 = value;
                    case "--region" -> last(o, name).region = value;
                    case "--user" -> last(o, name).user = value;
                    case "--key" -> last(o, name).key = value;
                    case "--pids" -> last(o, name).pids = Bench.Options.parsePids(value);
                    case "--storage-pids" -> o.storagePids = Bench.Options.parsePids(value);
                    case "--memcached-pids" -> o.memcachedPids = Bench.Options.parsePids(value);
                    case "--concurrency" -> o.concurrency = Arrays.stream(value.split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                    case "--duration" -> o.duration = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--size" -> o.size = (int) Bench.Options.parseSize(value);
                    case "--big" -> o.big = Bench.Options.parseSize(value);
                    case "--only" -> o.only = value;
                    case "--goal" -> o.goal = CompareReport.Goal.valueOf(value.toUpperCase(Locale.ROOT));
                    default -> throw usage("unknown option " + name);
                }
            }
            if (o.targets.size() != 2 || o.targets.stream().anyMatch(t -> (t.auth == null) == (t.s3 == null))) {
                throw usage("two targets needed, each with --auth or --s3 (the reference first)");
            }
            return o;
        }

        boolean runs(String phase) {
            return List.of(only.split(",")).contains(phase);
        }

        private static TargetSpec last(CompareOptions o, String option) {
            if (o.targets.isEmpty()) {
                throw usage(option + " before any --target");
            }
            return o.targets.get(o.targets.size() - 1);
        }

        static IllegalArgumentException usage(String message) {
            return new IllegalArgumentException(message + "\nusage: java -cp DIR Compare"
                    + " --target NAME (--auth URL | --s3 ENDPOINT [--region R]) [--user U --key K] [--pids PID,...]"
                    + " (twice: reference, candidate; an S3 target's user and key are its access and secret keys)"
                    + " [--storage-pids PID,...] [--memcached-pids PID,...] [--concurrency 16,64] [--duration SECONDS]"
                    + " [--warmup SECONDS] [--rounds N] [--size 4096] [--big 1G|0] [--chunked] [--only small,big]"
                    + " [--goal proxy|forwarding] [--keep]");
        }
    }

    /** CPU of one phase, in milliseconds, per group of processes; foreign in % of all cores. */
    record Cpu(double gatewayMs, double gatewaySystemPercent, double gatewayJitMs, double storageMs,
            double memcachedMs, double idleMs, double benchMs, double foreignPercent) {
    }

    /** Reads utime+stime of process groups from /proc at the start and end of a phase. */
    static final class Meter {
        private static final List<Long> SELF = List.of(ProcessHandle.current().pid());
        private final List<Long> storage;
        private final List<Long> memcached;
        private final double msPerTick = 1000.0 / Bench.ProcSampler.clockTicks();

        record Sample(List<Long> gatewayPids, List<Long> idlePids, long gateway, long gatewaySystem, long gatewayJit,
                long storage, long memcached, long idle, long bench, long machine, long nanos) {
        }

        Meter(List<Long> storage, List<Long> memcached) {
            this.storage = storage;
            this.memcached = memcached;
        }

        Sample begin(List<Long> gatewayPids, List<Long> idlePids) {
            return new Sample(gatewayPids, idlePids, ticks(gatewayPids), Bench.ProcSampler.ticks(gatewayPids, true),
                    Bench.ProcSampler.compilerTicks(gatewayPids), ticks(storage), ticks(memcached), ticks(idlePids), ticks(SELF),
                    Bench.ProcSampler.machineBusyTicks(), System.nanoTime());
        }

        Cpu end(Sample s) {
            double gateway = (ticks(s.gatewayPids()) - s.gateway()) * msPerTick;
            double system = (Bench.ProcSampler.ticks(s.gatewayPids(), true) - s.gatewaySystem()) * msPerTick;
            double jit = Math.max(0, Bench.ProcSampler.compilerTicks(s.gatewayPids()) - s.gatewayJit()) * msPerTick;
            double storageMs = (ticks(storage) - s.storage()) * msPerTick;
            double memcachedMs = (ticks(memcached) - s.memcached()) * msPerTick;
            double idle = (ticks(s.idlePids()) - s.idle()) * msPerTick;
            double bench = (ticks(SELF) - s.bench()) * msPerTick;
            double machine = (Bench.ProcSampler.machineBusyTicks() - s.machine()) * msPerTick;
            double capacity = (System.nanoTime() - s.nanos()) / 1e6 * Runtime.getRuntime().availableProcessors();
            double ours = gateway + storageMs + memcachedMs + idle + bench;
            return new Cpu(gateway, gateway == 0 ? 0 : system / gateway * 100, jit, storageMs, memcachedMs, idle, bench,
                    Math.max(0, machine - ours) / capacity * 100);
        }

        private static long ticks(List<Long> pids) {
            return Bench.ProcSampler.ticks(pids, false);
        }
    }

    private Compare() {
    }
}
