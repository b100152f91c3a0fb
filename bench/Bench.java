import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Ringway's load generator: a single-file Java program (JDK only) that measures a Swift API
 * endpoint, Ringway or a real {@code swift-proxy-server}.
 *
 * <pre>
 *   java bench/Bench.java [--auth URL --user U --key K | --storage-url URL --token T]
 *        [--concurrency 16,64] [--duration 10] [--warmup 10] [--size 4096]
 *        [--big 1G] [--pids PID,...] [--client raw|jdk] [--container NAME] [--keep]
 * </pre>
 *
 * <p>Phases: for each concurrency, small-object PUT, GET and HEAD for {@code --duration}
 * seconds each (ops/s, p50, p99, errors); then one big object PUT, streamed from a deterministic
 * generator with its MD5 computed on the fly and compared with the returned ETag, and GET back
 * with the MD5 of the received bytes compared (MB/s = 10^6 bytes per second). No body is ever
 * held whole in memory. With {@code --pids}, the CPU time (utime+stime) and resident memory
 * (VmRSS) of those processes are sampled from /proc during every phase.
 *
 * <p>The default client is a minimal blocking HTTP/1.1 client on raw sockets, one keep-alive
 * connection per worker thread: on a 2-core machine shared with the server it costs a fraction
 * of the CPU of {@code java.net.http.HttpClient} ({@code --client jdk}, kept for comparison).
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Endpoint endpoint = options.storageUrl != null
                ? new Endpoint(URI.create(options.storageUrl), options.token)
                : Endpoint.authenticate(URI.create(options.auth), options.user, options.key);
        ProcSampler sampler = ProcSampler.start(options.pids, options.clusterPids);
        Runner runner = new Runner(options, endpoint, sampler);
        int failures = runner.run();
        sampler.close();
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Command-line options, with the defaults the README documents. */
    static final class Options {
        String auth = "http://127.0.0.1:8080/auth/v1.0";
        String user = "test:tester";
        String key = "testing";
        String storageUrl;
        String token = "";
        String container = "bench-" + System.currentTimeMillis();
        int[] concurrency = {16, 64};
        int duration = 10;
        int warmup = 10;
        int size = 4096;
        long big = 1L << 30;
        List<Long> pids = List.of();
        List<Long> clusterPids = List.of();
        String client = "raw";
        boolean keep;
        /** After the big GET: COPY the big object to a container of this policy and back (cross-cluster COPY). */
        String copyPolicy;
        boolean chunked;
        String only = "small,big";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--keep")) {
                    o.keep = true;
                    continue;
                }
                if (name.equals("--chunked")) {
                    o.chunked = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw usage("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--auth" -> o.auth = value;
                    case "--user" -> o.user = value;
                    case "--key" -> o.key = value;
                    case "--storage-url" -> o.storageUrl = value;
                    case "--token" -> o.token = value;
                    case "--container" -> o.container = value;
                    case "--copy-policy" -> o.copyPolicy = value;
                    case "--concurrency" -> o.concurrency = Arrays.stream(value.split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                    case "--duration" -> o.duration = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--size" -> o.size = (int) parseSize(value);
                    case "--big" -> o.big = parseSize(value);
                    case "--pids" -> o.pids = parsePids(value);
                    case "--cluster-pids" -> o.clusterPids = parsePids(value);
                    case "--client" -> o.client = value;
                    case "--only" -> o.only = value;
                    default -> throw usage("unknown option " + name);
                }
            }
            if (!o.client.equals("raw") && !o.client.equals("jdk")) {
                throw usage("--client: " + o.client + " (expected: raw or jdk)");
            }
            return o;
        }

        boolean runs(String phase) {
            return Arrays.asList(only.split(",")).contains(phase);
        }

        static List<Long> parsePids(String value) {
            if (value.isBlank()) {
                return List.of();
            }
            return Arrays.stream(value.trim().split("[,\\s]+"))
                    .map(Long::parseLong)
                    .toList();
        }

        static long parseSize(String value) {
            String v = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
            long unit = 1;
            char last = v.charAt(v.length() - 1);
            switch (last) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> {
                    return Long.parseLong(v);
                }
            }
            return (long) (Double.parseDouble(v.substring(0, v.length() - 1)) * unit);
        }

        static IllegalArgumentException usage(String message) {
            return new IllegalArgumentException(message + "\nusage: java bench/Bench.java [--auth URL --user U --key K"
                    + " | --storage-url URL --token T] [--concurrency 16,64] [--duration SECONDS] [--warmup SECONDS]"
                    + " [--size 4096] [--big 1G|0] [--chunked] [--pids PID,...] [--cluster-pids PID,...] [--client raw|jdk]"
                    + " [--container NAME] [--keep] [--copy-policy POLICY]"
                    + " [--only small,big]");
        }
    }

    /**
     * A storage URL and token, from Swift v1 auth or given, with the token's expiry (epoch ms, from
     * {@code X-Auth-Token-Expires}; {@code Long.MAX_VALUE} when unknown). A tempauth token may be
     * handed out again until it expires, so a fresh one can have little life left.
     */
    record Endpoint(URI storageUrl, String token, long expiresAtMillis, Auth auth) {

        Endpoint(URI storageUrl, String token, long expiresAtMillis) {
            this(storageUrl, token, expiresAtMillis, (method, path) -> Map.of("X-Auth-Token", token));
        }

        Endpoint(URI storageUrl, String token) {
            this(storageUrl, token, Long.MAX_VALUE);
        }

        /**
         * An S3 endpoint, path style: a container is a bucket ({@code path("c")} is {@code /c});
         * every request signed with signature V4 for {@code region}.
         */
        static Endpoint s3(URI endpoint, String accessKey, String secretKey, String region) {
            S3Signer signer = new S3Signer(accessKey, secretKey, region, endpoint.getHost() + ":" + port(endpoint));
            return new Endpoint(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + "/"), "",
                    Long.MAX_VALUE, signer::headers);
        }

        static Endpoint authenticate(URI auth, String user, String key) throws IOException {
            try (Conn conn = new Conn(auth.getHost(), port(auth))) {
                Map<String, String> headers = Map.of("X-Auth-User", user, "X-Auth-Key", key);
                Response response = conn.exchange("GET", rawPath(auth), headers, null);
                String url = response.header("x-storage-url");
                String token = response.header("x-auth-token");
                if (response.status() / 100 != 2 || url == null || token == null) {
                    throw new IOException("auth " + auth + " as " + user + ": " + response.status()
                            + " (expected 2xx with X-Storage-Url and X-Auth-Token)");
                }
                String expires = response.header("x-auth-token-expires");
                long expiresAt = expires == null || !expires.matches("\\d+")
                        ? Long.MAX_VALUE
                        : System.currentTimeMillis() + Long.parseLong(expires) * 1000;
                return new Endpoint(URI.create(url), token, expiresAt);
            }
        }

        String host() {
            return storageUrl.getHost();
        }

        int port() {
            return Endpoint.port(storageUrl);
        }

        String path(String rest) {
            String base = rawPath(storageUrl);
            return (base.endsWith("/") ? base : base + "/") + rest;
        }

        static int port(URI uri) {
            if (!"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(uri + ": only http:// endpoints are supported");
            }
            return uri.getPort() == -1 ? 80 : uri.getPort();
        }

        static String rawPath(URI uri) {
            String path = uri.getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }
    }

    /** The phases, in order, with their report lines. */
    /** The credentials of one request: Swift's token, or an S3 signature of the method and path. */
    @FunctionalInterface
    interface Auth {
        Map<String, String> headers(String method, String path);
    }

    /**
     * AWS signature V4 for the load's requests (path style, no query, body unsigned): Bench runs as
     * a single source file, so it signs on its own rather than with the gateway's classes.
     */
    static final class S3Signer {
        private final String accessKey;
        private final String region;
        private final String host;
        private final byte[] secret;
        private String day = "";
        private byte[] dayKey;

        S3Signer(String accessKey, String secretKey, String region, String host) {
            this.accessKey = accessKey;
            this.region = region;
            this.host = host;
            this.secret = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        }

        synchronized Map<String, String> headers(String method, String path) {
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
            String today = stamp.substring(0, 8);
            if (!today.equals(day)) {
                byte[] key = hmac(secret, today);
                for (String part : List.of(region, "s3", "aws4_request")) {
                    key = hmac(key, part);
                }
                day = today;
                dayKey = key;
            }
            String payload = "UNSIGNED-PAYLOAD";
            String canonical = method + "\n" + path + "\n\nhost:" + host + "\nx-amz-content-sha256:" + payload
                    + "\nx-amz-date:" + stamp + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + payload;
            String scope = today + "/" + region + "/s3/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + HexFormat.of().formatHex(sha256(canonical));
            return Map.of("x-amz-date", stamp, "x-amz-content-sha256", payload, "Authorization",
                    "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                            + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="
                            + HexFormat.of().formatHex(hmac(dayKey, toSign)));
        }

        private static byte[] hmac(byte[] key, String text) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Runner {
        private final Options options;
        private final Endpoint endpoint;
        private final ProcSampler sampler;
        private final HttpClient jdk;
        private final ExecutorService jdkExecutor;
        private int failures;

        Runner(Options options, Endpoint endpoint, ProcSampler sampler) {
            this.options = options;
            this.endpoint = endpoint;
            this.sampler = sampler;
            int max = Arrays.stream(options.concurrency).max().orElse(1);
            this.jdkExecutor = Executors.newFixedThreadPool(Math.max(2, max / 8), r -> {
                Thread t = new Thread(r, "jdk-client");
                t.setDaemon(true);
                return t;
            });
            this.jdk = options.client.equals("jdk")
                    ? HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .executor(jdkExecutor)
                            .build()
                    : null;
        }

        int run() throws Exception {
            System.out.printf("# endpoint %s container %s client %s%s%n", endpoint.storageUrl(), options.container,
                    options.client, sampler.enabled() ? " sampling pids " + options.pids : "");
            try (Conn conn = conn()) {
                Response created = conn.exchange("PUT", endpoint.path(options.container), auth(), new byte[0]);
                if (created.status() / 100 != 2) {
                    throw new IOException("PUT container " + options.container + ": " + created.status()
                            + " " + created.bodyText());
                }
            }
            if (options.runs("small")) {
                small();
            }
            if (options.runs("big") && options.big > 0) {
                big();
            }
            jdkExecutor.shutdown();
            return failures;
        }

        private void small() throws Exception {
            byte[] body = new byte[options.size];
            new Generator(42).fill(body, 0);
            String label = Sizes.human(options.size);
            if (options.warmup > 0) {
                warmup(body);
            }
            System.out.println(Report.SMALL_HEADER);
            for (int concurrency : options.concurrency) {
                ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
                PhaseResult put = phase("PUT " + label, concurrency, options.duration, (client, worker, i) -> {
                    String name = "c" + concurrency + "-w" + worker + "-" + i;
                    int status = client.send("PUT", objectPath(name), body);
                    if (status == 201 || status == 200) {
                        written.add(name);
                    }
                    return status;
                });
                report(put);
                String[] names = written.toArray(String[]::new);
                if (names.length == 0) {
                    System.out.println("# no object was written: GET and HEAD skipped");
                    failures++;
                    continue;
                }
                report(phase("GET " + label, concurrency, options.duration, (client, worker, i) ->
                        client.send("GET", objectPath(names[pick(names, concurrency, worker, i)]), null)));
                report(phase("HEAD " + label, concurrency, options.duration, (client, worker, i) ->
                        client.send("HEAD", objectPath(names[pick(names, concurrency, worker, i)]), null)));
            }
        }

        /**
         * Throwaway PUT, GET and HEAD phases (not reported): a JVM server compiles its hot paths
         * during the first tens of seconds (C2 took a third of Ringway's CPU 10 s into a cold PUT
         * phase), and pools fill.
         */
        private void warmup(byte[] body) throws InterruptedException {
            int concurrency = options.concurrency[options.concurrency.length - 1];
            ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
            PhaseResult put = phase("warmup", concurrency, options.warmup, (client, worker, i) -> {
                String name = "warmup-" + worker + "-" + i;
                int status = client.send("PUT", objectPath(name), body);
                if (status == 201 || status == 200) {
                    written.add(name);
                }
                return status;
            });
            String[] names = written.toArray(String[]::new);
            if (names.length > 0) {
                phase("warmup", concurrency, options.warmup, (client, worker, i) ->
                        client.send("GET", objectPath(names[pick(names, concurrency, worker, i)]), null));
                phase("warmup", concurrency, options.warmup, (client, worker, i) ->
                        client.send("HEAD", objectPath(names[pick(names, concurrency, worker, i)]), null));
            }
            System.out.printf(Locale.ROOT, "# warmup: %d s each of PUT, GET, HEAD at %d connections (%d PUTs)%n",
                    options.warmup, concurrency, put.requests());
        }

        private static int pick(String[] names, int concurrency, int worker, long i) {
            // Each worker starts at its own offset and walks the names: every object is read, none twice in a row.
            return (int) ((worker * (long) names.length / concurrency + i) % names.length);
        }

        private void big() throws Exception {
            String name = "big-" + options.big;
            String label = Sizes.human(options.big);
            System.out.println(Report.BIG_HEADER);
            BigTransfer transfer = new BigTransfer(endpoint, auth(), objectPath(name), options.big, options.chunked,
                    sampler);
            ProcSampler.Phase put = sampler.begin();
            BigTransfer.Result putResult = transfer.put();
            report(new BigResult("PUT " + label, putResult, sampler.end(put)));
            ProcSampler.Phase get = sampler.begin();
            BigTransfer.Result getResult = transfer.get(putResult.md5());
            report(new BigResult("GET " + label, getResult, sampler.end(get)));
            if (options.copyPolicy != null && putResult.ok()) {
                copies(name, label, putResult.md5());
            }
            if (!options.keep) {
                try (Conn conn = conn()) {
                    long start = System.nanoTime();
                    int status = conn.exchange("DELETE", objectPath(name), auth(), null).status();
                    System.out.printf(Locale.ROOT, "# DELETE %s: %d in %.2f s%n", label, status,
                            (System.nanoTime() - start) / 1e9);
                    if (status / 100 != 2) {
                        failures++;
                    }
                }
            }
        }

        /**
         * COPY of the big object to a container of {@code --copy-policy} (another cluster) and back
         * under another name, each copy then read and its MD5 checked; both copies deleted after.
         */
        private void copies(String name, String label, String md5) throws Exception {
            String away = options.container + "-copy";
            try (Conn conn = conn()) {
                Map<String, String> headers = new LinkedHashMap<>(auth().headers("PUT", endpoint.path(away)));
                headers.put("X-Storage-Policy", options.copyPolicy);
                Response created = conn.exchange("PUT", endpoint.path(away), headers, new byte[0]);
                if (created.status() / 100 != 2) {
                    throw new IOException("PUT container " + away + ": " + created.status() + " " + created.bodyText());
                }
            }
            String awayPath = endpoint.path(away + "/" + name);
            String backPath = objectPath(name + "-back");
            copy("COPY " + label + " out", objectPath(name), away + "/" + name, md5);
            check("GET copy out", awayPath, md5);
            copy("COPY " + label + " in", awayPath, options.container + "/" + name + "-back", md5);
            check("GET copy in", backPath, md5);
            try (Conn conn = conn()) {
                conn.exchange("DELETE", awayPath, auth(), null);
                conn.exchange("DELETE", backPath, auth(), null);
                conn.exchange("DELETE", endpoint.path(away), auth(), null);
            }
        }

        private void copy(String phase, String from, String destination, String md5) throws IOException {
            ProcSampler.Phase sample = sampler.begin();
            long start = System.nanoTime();
            Response response;
            try (Conn conn = new Conn(endpoint.host(), endpoint.port(), Duration.ofMinutes(15))) {
                Map<String, String> headers = new LinkedHashMap<>(auth().headers("COPY", from));
                headers.put("Destination", destination);
                response = conn.exchange("COPY", from, headers, null);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String error = response.status() == 201 ? null : "status " + response.status() + " " + response.bodyText();
            report(new BigResult(phase, new BigTransfer.Result(options.big, seconds, md5, error), sampler.end(sample)));
        }

        private void check(String phase, String path, String md5) throws IOException {
            BigTransfer transfer = new BigTransfer(endpoint, auth(), path, options.big, false, sampler);
            ProcSampler.Phase sample = sampler.begin();
            report(new BigResult(phase, transfer.get(md5), sampler.end(sample)));
        }

        private void report(PhaseResult result) {
            System.out.println(Report.small(result));
            if (result.errors() > 0) {
                failures++;
                System.out.println("#   first error: " + result.firstError());
            }
        }

        private void report(BigResult result) {
            System.out.println(Report.big(result));
            if (!result.transfer().ok()) {
                failures++;
                System.out.println("#   error: " + result.transfer().error());
            }
        }

        private PhaseResult phase(String name, int concurrency, int seconds, Op op) throws InterruptedException {
            Worker[] workers = new Worker[concurrency];
            CountDownLatch ready = new CountDownLatch(concurrency);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong deadline = new AtomicLong();
            for (int w = 0; w < concurrency; w++) {
                workers[w] = new Worker(w, op, client(), ready, go, deadline);
                workers[w].start();
            }
            ready.await();
            ProcSampler.Phase sample = sampler.begin();
            long start = System.nanoTime();
            deadline.set(start + Duration.ofSeconds(seconds).toNanos());
            go.countDown();
            for (Worker worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - start;
            ProcSampler.Usage usage = sampler.end(sample);
            return PhaseResult.of(name, concurrency, elapsed, workers, usage);
        }

        private Client client() {
            if (jdk != null) {
                return new JdkClient(jdk, endpoint);
            }
            return new RawClient(new Conn(endpoint.host(), endpoint.port()), auth());
        }

        private Conn conn() {
            return new Conn(endpoint.host(), endpoint.port());
        }

        private Auth auth() {
            return endpoint.auth();
        }

        private String objectPath(String name) {
            return endpoint.path(options.container + "/" + name);
        }
    }

    /** One request of a phase: returns the HTTP status. */
    @FunctionalInterface
    interface Op {
        int run(Client client, int worker, long iteration) throws IOException;
    }

    /** A worker's view of the server: one keep-alive connection (raw) or the shared JDK client. */
    interface Client extends Closeable {
        int send(String method, String path, byte[] body) throws IOException;

        @Override
        default void close() {
        }
    }

    /** One thread of a phase: requests back to back until the deadline, latencies kept. */
    static final class Worker extends Thread {
        private final int index;
        private final Op op;
        private final Client client;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final AtomicLong deadline;
        long[] latencies = new long[1024];
        int count;
        long errors;
        String firstError;

        Worker(int index, Op op, Client client, CountDownLatch ready, CountDownLatch go, AtomicLong deadline) {
            super("bench-" + index);
            this.index = index;
            this.op = op;
            this.client = client;
            this.ready = ready;
            this.go = go;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            long end = deadline.get();
            long i = 0;
            try {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        int status = op.run(client, index, i++);
                        if (status / 100 != 2) {
                            error = "status " + status;
                        }
                    } catch (IOException e) {
                        error = e.toString();
                    }
                    record(System.nanoTime() - t0);
                    if (error != null) {
                        errors++;
                        if (firstError == null) {
                            firstError = error;
                        }
                    }
                }
            } finally {
                client.close();
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    /** What a small-object phase measured. */
    record PhaseResult(String name, int concurrency, long requests, long errors, double seconds, double p50ms,
            double p99ms, String firstError, ProcSampler.Usage usage) {

        static PhaseResult of(String name, int concurrency, long elapsedNanos, Worker[] workers,
                ProcSampler.Usage usage) {
            int total = Arrays.stream(workers).mapToInt(w -> w.count).sum();
            long[] all = new long[total];
            int at = 0;
            long errors = 0;
            String firstError = null;
            for (Worker w : workers) {
                System.arraycopy(w.latencies, 0, all, at, w.count);
                at += w.count;
                errors += w.errors;
                if (firstError == null) {
                    firstError = w.firstError;
                }
            }
            Arrays.sort(all);
            return new PhaseResult(name, concurrency, total, errors, elapsedNanos / 1e9, percentile(all, 0.50),
                    percentile(all, 0.99), firstError, usage);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** What a big-object phase measured. */
    record BigResult(String name, BigTransfer.Result transfer, ProcSampler.Usage usage) {
    }

    /** Report lines, fixed-width so that runs can be compared with diff. */
    static final class Report {
        static final String SMALL_HEADER = String.format("%-14s %5s %9s %6s %9s %8s %8s %15s %10s %10s %-24s %s",
                "phase", "conc", "requests", "errors", "ops/s", "p50 ms", "p99 ms", "gw ms/req (sys)", "other ms/req",
                "bench ms/req", "gw rss MiB start/peak/end", "foreign cpu");
        static final String BIG_HEADER = String.format("%-14s %9s %8s %8s %14s %8s %8s %-24s %s", "phase", "bytes",
                "seconds", "MB/s", "gw cpu s (sys)", "other s", "bench s", "gw rss MiB start/peak/end", "foreign cpu");

        static String small(PhaseResult r) {
            ProcSampler.Usage u = r.usage();
            boolean none = !u.sampled() || r.requests() == 0;
            String cpu = none ? "-" : String.format(Locale.ROOT, "%.3f (%.0f%%)", u.cpuMillis() / r.requests(),
                    u.systemPercent());
            String other = none ? "-" : String.format(Locale.ROOT, "%.3f", u.clusterCpuMillis() / r.requests());
            String client = r.requests() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.3f", u.clientCpuMillis() / r.requests());
            return String.format(Locale.ROOT, "%-14s %5d %9d %6d %9.0f %8.2f %8.2f %15s %10s %10s %-24s %.0f%%",
                    r.name(), r.concurrency(), r.requests(), r.errors(), r.requests() / r.seconds(), r.p50ms(),
                    r.p99ms(), cpu, other, client, rss(u), u.foreignPercent());
        }

        static String big(BigResult r) {
            ProcSampler.Usage u = r.usage();
            BigTransfer.Result t = r.transfer();
            String cpu = !u.sampled() ? "-" : String.format(Locale.ROOT, "%.2f (%.0f%%)", u.cpuMillis() / 1000,
                    u.systemPercent());
            String other = !u.sampled() ? "-" : String.format(Locale.ROOT, "%.2f", u.clusterCpuMillis() / 1000);
            String client = String.format(Locale.ROOT, "%.2f", u.clientCpuMillis() / 1000);
            return String.format(Locale.ROOT, "%-14s %9s %8.2f %8.1f %14s %8s %8s %-24s %.0f%%%s", r.name(),
                    Sizes.human(t.bytes()), t.seconds(), t.bytes() / t.seconds() / 1e6, cpu, other, client, rss(u),
                    u.foreignPercent(), t.ok() ? "  md5 ok" : "  FAILED");
        }

        private static String rss(ProcSampler.Usage u) {
            if (!u.sampled()) {
                return "-";
            }
            return String.format("%d/%d/%d", u.rssStartKb() / 1024, u.rssPeakKb() / 1024, u.rssEndKb() / 1024);
        }
    }

    static final class Sizes {
        /** Round sizes exactly (4KiB, 10GiB), others in GiB or MiB with a decimal. */
        static String human(long bytes) {
            String exact = exact(bytes);
            if (!exact.endsWith("B") || exact.endsWith("iB")) {
                return exact;
            }
            if (bytes >= 1L << 30) {
                return String.format(Locale.ROOT, "%.1fGiB", bytes / (double) (1L << 30));
            }
            if (bytes >= 1L << 20) {
                return String.format(Locale.ROOT, "%.1fMiB", bytes / (double) (1L << 20));
            }
            return exact;
        }

        private static String exact(long bytes) {
            if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
                return (bytes >> 30) + "GiB";
            }
            if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
                return (bytes >> 20) + "MiB";
            }
            if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
                return (bytes >> 10) + "KiB";
            }
            return bytes + "B";
        }
    }

    /**
     * Deterministic bytes: a 1 MiB pseudo-random block (xorshift), with the block number written
     * into its first 8 bytes so that no two blocks of an object are equal. Cheap to produce, so
     * the generator costs next to nothing next to the MD5.
     */
    static final class Generator {
        static final int BLOCK = 1 << 20;
        private final byte[] pattern = new byte[BLOCK];

        Generator(long seed) {
            long x = seed | 1;
            for (int i = 0; i < BLOCK; i += 8) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                for (int b = 0; b < 8; b++) {
                    pattern[i + b] = (byte) (x >>> (8 * b));
                }
            }
        }

        /** Fills {@code buffer} with the bytes of block {@code block} (the buffer is at most a block). */
        void fill(byte[] buffer, long block) {
            System.arraycopy(pattern, 0, buffer, 0, Math.min(buffer.length, BLOCK));
            for (int b = 0; b < 8 && b < buffer.length; b++) {
                buffer[b] = (byte) (block >>> (8 * b));
            }
        }
    }

    /** The big-object PUT and GET: streamed through a 1 MiB buffer, MD5 on the fly. */
    static final class BigTransfer {
        private final Endpoint endpoint;
        private final Auth auth;
        private final String path;
        private final long size;
        private final boolean chunked;
        private final ProcSampler sampler;
        private static final Duration BIG_TIMEOUT = Duration.ofMinutes(15);
        private static final byte[] CRLF = {'\r', '\n'};

        record Result(long bytes, double seconds, String md5, String error) {
            boolean ok() {
                return error == null;
            }
        }

        BigTransfer(Endpoint endpoint, Auth auth, String path, long size, boolean chunked,
                ProcSampler sampler) {
            this.endpoint = endpoint;
            this.auth = auth;
            this.path = path;
            this.size = size;
            this.chunked = chunked;
            this.sampler = sampler;
        }

        /** Prints a line at every tenth of the object: elapsed time and gateway RSS, to see that it stays flat. */
        private LongConsumer progress(String method, long start) {
            long step = Math.max(1, size / 10);
            long[] next = {step};
            return bytes -> {
                while (bytes >= next[0] && next[0] <= size) {
                    String rss = sampler.enabled() ? ", gw rss " + sampler.rssKb() / 1024 + " MiB" : "";
                    System.out.printf(Locale.ROOT, "#   %s %s sent/received after %.1f s%s%n", method,
                            Sizes.human(next[0]), (System.nanoTime() - start) / 1e9, rss);
                    next[0] += step;
                }
            };
        }

        Result put() throws IOException {
            MessageDigest md5 = md5();
            Generator generator = new Generator(7);
            byte[] block = new byte[Generator.BLOCK];
            long start = System.nanoTime();
            // The answer to a big PUT comes after every replica has synced the whole object to disk.
            try (Conn conn = new Conn(endpoint.host(), endpoint.port(), BIG_TIMEOUT)) {
                Map<String, String> headers = new LinkedHashMap<>(auth.headers("PUT", path));
                if (chunked) {
                    headers.put("Transfer-Encoding", "chunked");
                } else {
                    headers.put("Content-Length", Long.toString(size));
                }
                headers.put("Content-Type", "application/octet-stream");
                OutputStream out = conn.startRequest("PUT", path, headers);
                LongConsumer progress = progress("PUT", start);
                long sent = 0;
                for (long n = 0; sent < size; n++) {
                    generator.fill(block, n);
                    int length = (int) Math.min(block.length, size - sent);
                    md5.update(block, 0, length);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block, 0, length);
                    if (chunked) {
                        out.write(CRLF);
                    }
                    sent += length;
                    progress.accept(sent);
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                Response response = conn.readResponse("PUT");
                double seconds = (System.nanoTime() - start) / 1e9;
                String digest = HexFormat.of().formatHex(md5.digest());
                String etag = unquote(response.header("etag"));
                String error = null;
                // Swift answers 201, S3 200.
                if (response.status() != 201 && response.status() != 200) {
                    error = "status " + response.status() + " " + response.bodyText();
                } else if (!digest.equals(etag)) {
                    error = "ETag " + etag + " but sent MD5 " + digest;
                }
                return new Result(sent, seconds, digest, error);
            }
        }

        Result get(String expectedMd5) throws IOException {
            MessageDigest md5 = md5();
            long start = System.nanoTime();
            try (Conn conn = new Conn(endpoint.host(), endpoint.port(), BIG_TIMEOUT)) {
                conn.progress = progress("GET", start);
                Response response = conn.exchange("GET", path, auth.headers("GET", path), null, md5);
                double seconds = (System.nanoTime() - start) / 1e9;
                String digest = HexFormat.of().formatHex(md5.digest());
                String error = null;
                if (response.status() != 200) {
                    error = "status " + response.status();
                } else if (response.bodyLength() != size) {
                    error = "received " + response.bodyLength() + " bytes of " + size;
                } else if (!digest.equals(expectedMd5)) {
                    error = "received MD5 " + digest + " but sent " + expectedMd5;
                } else if (!digest.equals(unquote(response.header("etag")))) {
                    error = "ETag " + response.header("etag") + " but received MD5 " + digest;
                }
                return new Result(response.bodyLength(), seconds, digest, error);
            }
        }

        private static String unquote(String etag) {
            return etag == null ? null : etag.replace("\"", "");
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Small requests on one raw keep-alive connection; bodies read and dropped. */
    static final class RawClient implements Client {
        private final Conn conn;
        private final Auth auth;

        RawClient(Conn conn, Auth auth) {
            this.conn = conn;
            this.auth = auth;
        }

        @Override
        public int send(String method, String path, byte[] body) throws IOException {
            return conn.exchange(method, path, auth.headers(method, path), body).status();
        }

        @Override
        public void close() {
            conn.close();
        }
    }

    /** Small requests through the JDK's HttpClient (its own pool and selector thread). */
    static final class JdkClient implements Client {
        private final HttpClient client;
        private final Endpoint endpoint;

        JdkClient(HttpClient client, Endpoint endpoint) {
            this.client = client;
            this.endpoint = endpoint;
        }

        @Override
        public int send(String method, String path, byte[] body) throws IOException {
            URI uri = endpoint.storageUrl().resolve(path);
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .method(method, publisher)
                    .header("X-Auth-Token", endpoint.token())
                    .build();
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /** A status, the headers (names in lower case) and how many body bytes came. */
    record Response(int status, Map<String, String> headers, long bodyLength, byte[] bodyStart) {
        String header(String name) {
            return headers.get(name);
        }

        String bodyText() {
            return new String(bodyStart, StandardCharsets.UTF_8).strip();
        }
    }

    /**
     * A minimal HTTP/1.1 client connection: keep-alive, Content-Length or chunked responses,
     * reconnects when the server closed it. Enough for Swift's API, nothing more.
     */
    static final class Conn implements Closeable {
        private static final int BODY_START = 512;
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final int readTimeoutMillis;
        private boolean reusable;
        /** Told the body bytes received so far after every read, when set. */
        LongConsumer progress;

        Conn(String host, int port) {
            this(host, port, Duration.ofMinutes(2));
        }

        Conn(String host, int port, Duration readTimeout) {
            this.host = host;
            this.port = port;
            this.readTimeoutMillis = (int) readTimeout.toMillis();
        }

        Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
            return exchange(method, path, headers, body, null);
        }

        Response exchange(String method, String path, Auth auth, byte[] body) throws IOException {
            return exchange(method, path, auth.headers(method, path), body, null);
        }

        Response exchange(String method, String path, Map<String, String> headers, byte[] body, MessageDigest sink)
                throws IOException {
            boolean fresh = socket == null;
            try {
                return attempt(method, path, headers, body, sink);
            } catch (IOException e) {
                close();
                if (fresh || sink != null) {
                    throw e;
                }
                // A kept-alive connection the server closed meanwhile: one retry on a new one.
                return attempt(method, path, headers, body, sink);
            }
        }

        private Response attempt(String method, String path, Map<String, String> headers, byte[] body,
                MessageDigest sink) throws IOException {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            OutputStream os = startRequest(method, path, all);
            if (body != null) {
                os.write(body);
            }
            os.flush();
            return readResponse(method, sink);
        }

        /** Writes the request head; the caller writes exactly Content-Length bytes, then reads the response. */
        OutputStream startRequest(String method, String path, Map<String, String> headers) throws IOException {
            if (socket == null) {
                open();
            }
            StringBuilder head = new StringBuilder(256);
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':')
                    .append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            return out;
        }

        Response readResponse(String method) throws IOException {
            return readResponse(method, null);
        }

        private Response readResponse(String method, MessageDigest sink) throws IOException {
            String statusLine = readLine();
            while (statusLine.isEmpty()) {
                statusLine = readLine();
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            if (status == 100) {
                return readResponse(method, sink);
            }
            reusable = !"close".equalsIgnoreCase(headers.get("connection"));
            BodyReader reader = new BodyReader(sink);
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
            if (!noBody) {
                String length = headers.get("content-length");
                if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    readChunked(reader);
                } else if (length != null) {
                    reader.read(Long.parseLong(length));
                } else {
                    reader.read(Long.MAX_VALUE);
                    reusable = false;
                }
            }
            if (!reusable) {
                close();
            }
            return new Response(status, headers, reader.total, reader.start());
        }

        private void readChunked(BodyReader reader) throws IOException {
            while (true) {
                String sizeLine = readLine();
                int semicolon = sizeLine.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    // Trailers, then the empty line.
                    while (!readLine().isEmpty()) {
                        // skip
                    }
                    return;
                }
                reader.read(size);
                readLine();
            }
        }

        /** Reads body bytes: into the digest if any, the first few kept for error messages. */
        private final class BodyReader {
            private final MessageDigest sink;
            private final byte[] buffer = new byte[64 * 1024];
            private final byte[] start = new byte[BODY_START];
            private int startLength;
            long total;

            BodyReader(MessageDigest sink) {
                this.sink = sink;
            }

            void read(long length) throws IOException {
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        if (length == Long.MAX_VALUE) {
                            return;
                        }
                        throw new IOException("connection closed with " + left + " body bytes missing");
                    }
                    if (sink != null) {
                        sink.update(buffer, 0, n);
                    }
                    if (startLength < start.length) {
                        int keep = Math.min(n, start.length - startLength);
                        System.arraycopy(buffer, 0, start, startLength, keep);
                        startLength += keep;
                    }
                    total += n;
                    left -= n;
                    if (progress != null) {
                        progress.accept(total);
                    }
                }
            }

            byte[] start() {
                return Arrays.copyOf(start, startLength);
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') {
                        line.setLength(length - 1);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(readTimeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a socket we are done with: nothing to do about a failure.
                }
                socket = null;
            }
        }
    }

    /**
     * CPU time and resident memory of server processes from /proc: utime+stime (field 14 and 15
     * of /proc/PID/stat, in clock ticks) and VmRSS of /proc/PID/status, summed over the PIDs.
     * A thread samples RSS every 100 ms for the peak; CPU is read at phase start and end.
     */
    static final class ProcSampler implements Closeable {
        private final List<Long> pids;
        private final List<Long> clusterPids;
        private final double msPerTick;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private static final List<Long> SELF = List.of(ProcessHandle.current().pid());

        record Phase(long cpuTicks, long systemTicks, long clusterTicks, long clientTicks, long machineTicks, long nanos,
                long rssKb) {
        }

        /**
         * CPU of the gateway PIDs, of the other cluster PIDs (storage servers, memcached) and of
         * this load generator; gateway RSS.
         */
        record Usage(double cpuMillis, double systemPercent, double clusterCpuMillis, double clientCpuMillis,
                double foreignPercent,
                long rssStartKb, long rssPeakKb, long rssEndKb, boolean sampled) {
        }

        private ProcSampler(List<Long> pids, List<Long> clusterPids) {
            this.pids = pids;
            this.clusterPids = clusterPids;
            this.msPerTick = 1000.0 / clockTicks();
            this.thread = new Thread(this::loop, "proc-sampler");
            thread.setDaemon(true);
            if (!pids.isEmpty()) {
                thread.start();
            }
        }

        static ProcSampler start(List<Long> pids, List<Long> clusterPids) {
            return new ProcSampler(pids, clusterPids);
        }

        boolean enabled() {
            return !pids.isEmpty();
        }

        Phase begin() {
            long rss = rssKb();
            peak.set(rss);
            return new Phase(cpuTicks(pids), ticks(pids, true), cpuTicks(clusterPids), cpuTicks(SELF),
                    machineBusyTicks(), System.nanoTime(), rss);
        }

        Usage end(Phase phase) {
            long rss = rssKb();
            peak.accumulateAndGet(rss, Math::max);
            double gateway = (cpuTicks(pids) - phase.cpuTicks()) * msPerTick;
            double system = (ticks(pids, true) - phase.systemTicks()) * msPerTick;
            double cluster = (cpuTicks(clusterPids) - phase.clusterTicks()) * msPerTick;
            double client = (cpuTicks(SELF) - phase.clientTicks()) * msPerTick;
            double machine = (machineBusyTicks() - phase.machineTicks()) * msPerTick;
            double capacity = (System.nanoTime() - phase.nanos()) / 1e6 * Runtime.getRuntime().availableProcessors();
            // CPU that neither the measured processes nor this generator used: other work on the machine.
            double foreign = Math.max(0, machine - gateway - cluster - client) / capacity * 100;
            return new Usage(gateway, gateway == 0 ? 0 : system / gateway * 100, cluster, client, foreign,
                    phase.rssKb(), peak.get(), rss, enabled());
        }

        private void loop() {
            while (running) {
                peak.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Time the machine's processes ran: user, nice and system of the first line of /proc/stat. */
        static long machineBusyTicks() {
            String stat = read("/proc/stat");
            if (stat == null) {
                return 0;
            }
            String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
            long busy = 0;
            // user, nice, system: the time processes run (interrupt time is nobody's in particular).
            for (int i = 1; i <= 3; i++) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        }

        private static long cpuTicks(List<Long> pids) {
            return ticks(pids, false);
        }

        /** utime + stime of the PIDs, or stime alone (time in the kernel on their behalf). */
        static long ticks(List<Long> pids, boolean systemOnly) {
            long total = 0;
            for (long pid : pids) {
                String stat = read("/proc/" + pid + "/stat");
                if (stat == null) {
                    continue;
                }
                // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (systemOnly ? 0 : Long.parseLong(fields[11])) + Long.parseLong(fields[12]);
            }
            return total;
        }

        /**
         * utime + stime of the PIDs' JIT compiler threads (HotSpot's "C1/C2 CompilerThread"), from
         * /proc/PID/task: how much of a JVM's CPU is still compiling. Threads that ended in between
         * take their time with them (HotSpot adds and retires compiler threads), so it is a lower bound.
         */
        static long compilerTicks(List<Long> pids) {
            long total = 0;
            for (long pid : pids) {
                File[] tasks = new File("/proc/" + pid + "/task").listFiles();
                if (tasks == null) {
                    continue;
                }
                for (File task : tasks) {
                    String stat = read(task.getPath() + "/stat");
                    if (stat == null || !stat.contains("CompilerThre")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return total;
        }

        long rssKb() {
            long total = 0;
            for (long pid : pids) {
                String status = read("/proc/" + pid + "/status");
                if (status == null) {
                    continue;
                }
                for (String line : status.split("\n")) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            }
            return total;
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException gone) {
                return null;
            }
        }

        static long clockTicks() {
            try {
                Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                process.waitFor();
                return Long.parseLong(out);
            } catch (IOException | NumberFormatException | InterruptedException e) {
                return 100;
            }
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
