package io.ringway.backend;

import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Swift's {@code request_node_count} ({@code "3"} or {@code "2 * replicas"}). */
final class RequestNodeCount {

    private static final Pattern TIMES_REPLICAS = Pattern.compile("\\s*(\\d+)\\s*\\*\\s*replicas\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d+)\\s*");

    private RequestNodeCount() {
    }

    static IntUnaryOperator parse(String value) {
        Matcher times = TIMES_REPLICAS.matcher(value);
        if (times.matches()) {
            int factor = Integer.parseInt(times.group(1));
            return replicas -> factor * replicas;
        }
        Matcher number = NUMBER.matcher(value);
        if (number.matches()) {
            int count = Integer.parseInt(number.group(1));
            return replicas -> count;
        }
        throw new IllegalArgumentException(
                "requestNodeCount: " + value + " (expected: an integer or \"<integer> * replicas\")");
    }
}
