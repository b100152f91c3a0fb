package io.ringway.backend;

import io.ringway.ring.Device;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code read_affinity} ({@code "r1z1=100, r1=200"}), as its
 * {@code affinity_key_function}: each rule gives the devices of a region, or of a zone of a
 * region, a priority; a device takes the lowest priority among the rules it matches (the order of
 * the rules does not matter), and a device matching none comes last (2^32). Sorting by it is
 * stable, so devices of equal priority keep their shuffled order; an empty value keeps every
 * order as it is.
 */
final class ReadAffinity {

    /** Swift's "a big number" for devices that match no rule. */
    static final long UNMATCHED = 1L << 32;

    private static final Pattern RULE = Pattern.compile("r(\\d+)(?:z(\\d+))?=(\\d+)");

    private final String value;
    private final List<Rule> rules;

    private ReadAffinity(String value, List<Rule> rules) {
        this.value = value;
        this.rules = List.copyOf(rules);
    }

    /** Parses the value; blank gives no rules, any other piece than {@code r<n>[z<n>]=<n>} is refused. */
    static ReadAffinity parse(String value) {
        String trimmed = value.strip();
        List<Rule> rules = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return new ReadAffinity(value, rules);
        }
        // As Swift: pieces are stripped but not otherwise cleaned, so "r1=1," or "r1 = 1" is an error.
        for (String piece : trimmed.split(",", -1)) {
            Matcher m = RULE.matcher(piece.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "readAffinity: " + value + " (expected: rules like r1z1=100, r2=200)");
            }
            Integer zone = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            rules.add(new Rule(Integer.parseInt(m.group(1)), zone, Long.parseLong(m.group(3))));
        }
        // Swift sorts its matchers by priority (stably) and takes the first match: the lowest one.
        rules.sort(Comparator.comparingLong(Rule::priority));
        return new ReadAffinity(value, rules);
    }

    /** The device's priority: the lowest of the rules it matches, or {@link #UNMATCHED}. */
    long priority(Device device) {
        for (Rule rule : rules) {
            if (rule.region() == device.region() && (rule.zone() == null || rule.zone() == device.zone())) {
                return rule.priority();
            }
        }
        return rules.isEmpty() ? 0 : UNMATCHED;
    }

    @Override
    public String toString() {
        return value;
    }

    private record Rule(int region, @Nullable Integer zone, long priority) {
    }
}
