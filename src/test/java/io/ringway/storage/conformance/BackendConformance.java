package io.ringway.storage.conformance;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.RawRequest;
import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Sends the same sequence of requests to real Swift and to a peer (Ringway's server, or real
 * Swift on another device to check the sequence itself) and compares, step by step, the status
 * and reason phrase, interim responses, the set of header names, the values of the step's
 * significant headers and, unless the step opts out, the body. Each step also states what real
 * Swift must answer, which checks the sequence itself. Every difference of a sequence is
 * collected and reported at once.
 *
 * <p>Requests name the device {@code {dev}} and the account {@code {a}}: each side gets its own
 * device, and each run a fresh account, so reruns against long-lived real servers never meet
 * the data of an earlier run. Timestamps are fixed by the steps, so answers are comparable.
 */
final class BackendConformance {

    private static final int TIMESTAMPS = 30;
    /** Headers about the connection or the server's clock, not about the resource. */
    private static final Set<String> CONNECTION_HEADERS = Set.of("date", "connection",
            "keep-alive");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\s]+)\"?");

    private final String name;
    private final List<ConformanceStep> steps = new ArrayList<>();

    private BackendConformance(String name) {
        this.name = requireNonNull(name, "name");
    }

    static BackendConformance sequence(String name) {
        return new BackendConformance(name);
    }

    /**
     * Adds a step: real Swift must answer {@code expectedStatus}; the status, the headers named and
     * the bodies must match between both sides.
     */
    BackendConformance step(String stepName, RawRequest request, int expectedStatus, String... headers) {
        steps.add(new ConformanceStep(stepName, request, expectedStatus, Arrays.asList(headers), Map.of(), true,
                false, null));
        return this;
    }

    /** The last step's bodies need not be equal (bodies are compared by default). */
    BackendConformance ignoreBody() {
        return replaceLast(last -> new ConformanceStep(last.name(), last.request(), last.expectedStatus(),
                last.headers(), last.expectedHeaders(), false, last.multipart(), last.server()));
    }

    /** The last step answers {@code multipart/byteranges}: its boundary is normalized. */
    BackendConformance multipart() {
        return replaceLast(last -> new ConformanceStep(last.name(), last.request(), last.expectedStatus(),
                last.headers(), last.expectedHeaders(), last.compareBody(), true, last.server()));
    }

    /** Real Swift must send this header value in the last step (null: must not send it). */
    BackendConformance expectHeader(String header, @Nullable String value) {
        return replaceLast(last -> {
            Map<String, @Nullable String> expected = new LinkedHashMap<>(last.expectedHeaders());
            expected.put(header, value);
            return new ConformanceStep(last.name(), last.request(), last.expectedStatus(), last.headers(), expected,
                    last.compareBody(), last.multipart(), last.server());
        });
    }

    /**
     * The last step goes to this side's server of {@code type} (same device) rather than the
     * sequence's own: a container sequence reads what its updates did to the account server.
     */
    BackendConformance on(ServerType type) {
        return replaceLast(last -> new ConformanceStep(last.name(), last.request(), last.expectedStatus(),
                last.headers(), last.expectedHeaders(), last.compareBody(), last.multipart(), type));
    }

    /** Runs the sequence on both sides and fails with every difference found. */
    void run(ConformanceSide real, ConformanceSide peer) throws IOException {
        List<Difference> differences = compare(real, peer);
        if (!differences.isEmpty()) {
            throw new AssertionError("sequence '" + name + "': " + differences.size() + " difference(s) between "
                    + real + " and " + peer + "\n" + format(differences));
        }
    }

    /** Runs the sequence on both sides and returns every difference, in step order. */
    List<Difference> compare(ConformanceSide real, ConformanceSide peer) throws IOException {
        Map<String, String> variables = variables(Instant.now());
        List<Difference> all = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ConformanceStep step = steps.get(i);
            RawRequest realRequest = step.request().resolve(real.variables(variables));
            RawRequest peerRequest = step.request().resolve(peer.variables(variables));
            RawResponse realResponse = real.client(step.server()).exchange(realRequest);
            RawResponse peerResponse = peer.client(step.server()).exchange(peerRequest);
            List<String> differences = new ArrayList<>();
            checkExpectations(step, realResponse, real.label(), variables, differences);
            compareResponses(step, realResponse, peerResponse, real, peer, differences);
            for (String text : differences) {
                all.add(new Difference(i + 1, step.name(), realRequest.describe(), text));
            }
        }
        return all;
    }

    /** The report: differences grouped under their step and request. */
    static String format(List<Difference> differences) {
        StringBuilder report = new StringBuilder();
        int step = 0;
        for (Difference difference : differences) {
            if (difference.step() != step) {
                step = difference.step();
                report.append("  step ").append(step).append(" '").append(difference.stepName()).append("': ")
                        .append(difference.request()).append('\n');
            }
            report.append("      ").append(difference.text()).append('\n');
        }
        return report.toString();
    }

    /**
     * The placeholders shared by both sides: {@code {a}}, a fresh account, and {@code {tN}} (N = 0
     * to {@value #TIMESTAMPS}), Swift timestamps N seconds after a base a minute before now, with
     * {@code {http:tN}} the same instants as HTTP dates, and {@code {delete-at:future}} and
     * {@code {delete-at:later}} one and two hours after the base, in seconds, and {@code {sN}} the
     * seconds of {@code {tN}} alone (for timestamps with other fractions: {@code {s2}.12345}). They are recent on
     * purpose: Swift reclaims tombstones older than {@code reclaim_age} (a week) on sight.
     */
    static Map<String, String> variables(Instant now) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("a", "AUTH_rw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        long base = now.getEpochSecond() - 60;
        variables.put("delete-at:future", Long.toString(base + 3600));
        variables.put("delete-at:later", Long.toString(base + 7200));
        for (int n = TIMESTAMPS; n >= 0; n--) {
            long seconds = base + n;
            variables.put("t" + n, String.format(Locale.ROOT, "%d.00000", seconds));
            variables.put("s" + n, Long.toString(seconds));
            variables.put("http:t" + n, HTTP_DATE.format(
                    Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC)));
        }
        return variables;
    }

    private static void checkExpectations(ConformanceStep step, RawResponse real, String label,
            Map<String, String> variables, List<String> out) {
        if (real.status() != step.expectedStatus()) {
            out.add(String.format(Locale.ROOT, "%-28s expected=%d  %s=%d %s  (the step's expectation is wrong?)",
                    "status", step.expectedStatus(), label, real.status(), abbreviate(real.text())));
        }
        boolean continued = step.request().mode() == RawRequest.Mode.EXPECT_CONTINUE && step.expectedStatus() < 300;
        if (continued && !real.interim().contains(100)) {
            out.add(String.format(Locale.ROOT, "%-28s expected=[100]  %s=%s", "interim responses", label,
                    real.interim()));
        }
        step.expectedHeaders().forEach((header, template) -> {
            String value = template == null ? null : RawRequest.fill(template, variables);
            String actual = joinedOrNull(real.headers().all(header));
            if (!Objects.equals(actual, value)) {
                out.add(String.format(Locale.ROOT, "%-28s expected=%s  %s=%s", header, show(value), label,
                        show(actual)));
            }
        });
    }

    private static void compareResponses(ConformanceStep step, RawResponse real, RawResponse peer,
            ConformanceSide realSide, ConformanceSide peerSide, List<String> out) {
        String realLabel = realSide.label();
        String peerLabel = peerSide.label();
        if (real.status() != peer.status()) {
            out.add(String.format(Locale.ROOT, "%-28s %s=%d  %s=%d %s", "status", realLabel, real.status(), peerLabel,
                    peer.status(), abbreviate(peer.text())).strip());
        }
        // Swift's empty listings say "204 OK" (a swob quirk); Netty says "204 No Content". No
        // client reads reason phrases, and Swift's own proxy rewrites them from the status code.
        if (real.status() == peer.status() && !noContent(real) && !real.reason().equals(peer.reason())) {
            out.add(String.format(Locale.ROOT, "%-28s %s=\"%s\"  %s=\"%s\"", "reason phrase", realLabel, real.reason(),
                    peerLabel, peer.reason()));
        }
        if (step.request().mode() == RawRequest.Mode.EXPECT_CONTINUE && !real.interim().equals(peer.interim())) {
            out.add(String.format(Locale.ROOT, "%-28s %s=%s  %s=%s", "interim responses", realLabel, real.interim(),
                    peerLabel, peer.interim()));
        }
        compareHeaderNames(real, peer, realLabel, peerLabel, out);
        Map<String, @Nullable String> realHeaders = significant(step, real);
        Map<String, @Nullable String> peerHeaders = significant(step, peer);
        TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        realHeaders.keySet().forEach(n -> names.put(n, n));
        peerHeaders.keySet().forEach(n -> names.putIfAbsent(n, n));
        for (String header : names.values()) {
            String realValue = realHeaders.get(header);
            String peerValue = peerHeaders.get(header);
            if (!Objects.equals(realValue, peerValue)) {
                out.add(String.format(Locale.ROOT, "%-28s %s=%s  %s=%s", header, realLabel, show(realValue),
                        peerLabel, show(peerValue)));
            }
        }
        if (step.compareBody()) {
            // Error bodies may quote the path, which names each side's own device.
            String realBody = normalize(step, real, real.text()).replace("/" + realSide.device() + "/", "/{dev}/");
            String peerBody = normalize(step, peer, peer.text()).replace("/" + peerSide.device() + "/", "/{dev}/");
            if (!realBody.equals(peerBody)) {
                int at = firstDifference(realBody, peerBody);
                out.add("body (" + realBody.length() + " vs " + peerBody.length() + " chars, first difference at "
                        + at + ")\n        " + realLabel + ": " + quote(realBody, at) + "\n        " + peerLabel
                        + ": " + quote(peerBody, at));
            }
        }
    }

    /**
     * Both sides must send the same header names, significant or not (a header the proxy reads
     * but no step lists still shows up), except those that describe the connection or the clock.
     */
    private static void compareHeaderNames(RawResponse real, RawResponse peer, String realLabel, String peerLabel,
            List<String> out) {
        Set<String> realNames = headerNames(real);
        Set<String> peerNames = headerNames(peer);
        if (realNames.equals(peerNames)) {
            return;
        }
        Set<String> onlyReal = new TreeSet<>(realNames);
        onlyReal.removeAll(peerNames);
        Set<String> onlyPeer = new TreeSet<>(peerNames);
        onlyPeer.removeAll(realNames);
        out.add(String.format(Locale.ROOT, "%-28s only %s=%s  only %s=%s", "header names", realLabel, onlyReal,
                peerLabel, onlyPeer));
    }

    private static Set<String> headerNames(RawResponse response) {
        Set<String> names = new TreeSet<>();
        response.headers().names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        names.removeAll(CONNECTION_HEADERS);
        if (noContent(response)) {
            names.remove("content-length");
        }
        return names;
    }

    /**
     * Swift sends {@code Content-Length: 0} with a 204; Netty's encoder drops it, as RFC 9110
     * (section 8.6) requires of a server. A 204 has no body either way, and Swift's proxy does not
     * read the length of one, so that difference alone is not counted.
     */
    private static boolean noContent(RawResponse response) {
        return response.status() == 204;
    }

    /** The step's significant headers of one response (case-insensitive names; absent ones map to null). */
    private static Map<String, @Nullable String> significant(ConformanceStep step, RawResponse response) {
        Map<String, @Nullable String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> unchecked = new ArrayList<>();
        for (String pattern : step.headers()) {
            if (pattern.startsWith("!")) {
                // Value not compared (a known difference the report names); the name still is.
                unchecked.add(pattern.substring(1));
                continue;
            }
            if (pattern.startsWith("?")) {
                // Presence only: the value is the server's clock (a database's created_at).
                String name = pattern.substring(1);
                result.put(name, response.headers().all(name).isEmpty() ? null : "(present)");
                continue;
            }
            if (pattern.endsWith("*")) {
                // "*" alone: every header the answer has (Content-Length as below).
                String prefix = pattern.substring(0, pattern.length() - 1).toLowerCase(Locale.ROOT);
                Set<String> comparable = headerNames(response);
                response.headers().names().stream()
                        .filter(n -> comparable.contains(n.toLowerCase(Locale.ROOT)))
                        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix))
                        .filter(n -> !(step.multipart() && n.equalsIgnoreCase("Content-Length")))
                        .forEach(n -> result.put(n, normalize(step, response, joined(response.headers().all(n)))));
                continue;
            }
            if ((step.multipart() || noContent(response)) && pattern.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            String value = joinedOrNull(response.headers().all(pattern));
            result.put(pattern, value == null ? null : normalize(step, response, value));
        }
        unchecked.forEach(result::remove);
        return result;
    }

    /** Replaces a multipart answer's boundary, which Swift picks at random, by a fixed token. */
    private static String normalize(ConformanceStep step, RawResponse response, String text) {
        if (!step.multipart()) {
            return text;
        }
        String contentType = response.headers().first("Content-Type");
        Matcher matcher = BOUNDARY.matcher(contentType == null ? "" : contentType);
        return matcher.find() ? text.replace(matcher.group(1), "BOUNDARY") : text;
    }

    private static String joined(List<String> values) {
        return String.join(", ", values);
    }

    private static @Nullable String joinedOrNull(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String show(@Nullable String value) {
        return value == null ? "<absent>" : "\"" + value + "\"";
    }

    /** The body around {@code at}, escaped; long bodies are cut to a window so reports stay readable. */
    private static String quote(String body, int at) {
        int from = Math.max(0, at - 100);
        int to = Math.min(body.length(), at + 200);
        String window = body.substring(from, to).replace("\r", "\\r").replace("\n", "\\n");
        return (from > 0 ? "..." : "") + "\"" + window + "\"" + (to < body.length() ? "..." : "");
    }

    private static int firstDifference(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return common;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace("\r", "").replace("\n", " ").strip();
        if (oneLine.isEmpty()) {
            return "";
        }
        return "(" + (oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine) + ")";
    }

    private BackendConformance replaceLast(UnaryOperator<ConformanceStep> change) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("no step yet");
        }
        steps.set(steps.size() - 1, change.apply(steps.get(steps.size() - 1)));
        return this;
    }

    @Override
    public String toString() {
        return steps.stream().map(ConformanceStep::name).collect(Collectors.joining(", ", name + ": ", ""));
    }

    /**
     * One difference.
     *
     * @param step the step's number, from 1
     * @param stepName the step's name
     * @param request the request sent to real Swift
     * @param text what differs: the header or status, real's value, the peer's value
     */
    record Difference(int step, String stepName, String request, String text) {
    }
}
