package io.ringway.backend;

import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Parses Swift's node counts, {@code request_node_count} and {@code write_affinity_node_count}:
 * {@code "3"} or {@code "2 * replicas"}, as Swift's parsers do (lower-cased, split on white space,
 * so {@code "2*replicas"} is refused).
 */
final class RequestNodeCount {

    private RequestNodeCount() {
    }

    static IntUnaryOperator parse(String value) {
        return parse("requestNodeCount", value);
    }

    /** The count as a function of the replica count; {@code option} names the setting in errors. */
    static IntUnaryOperator parse(String option, String value) {
        String[] parts = value.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (parts.length >= 1 && parts[0].matches("\\d{1,9}")) {
            int number = Integer.parseInt(parts[0]);
            if (parts.length == 1) {
                return replicas -> number;
            }
            if (parts.length == 3 && parts[1].equals("*") && parts[2].equals("replicas")) {
                return replicas -> number * replicas;
            }
        }
        throw new IllegalArgumentException(
                option + ": " + value + " (expected: an integer or \"<integer> * replicas\")");
    }
}
