package io.ringway.backend;

import io.ringway.ring.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift's {@code read_affinity} ({@code "r1z1=100, r1=200"}): each rule gives the devices of a
 * region, or a region and zone, a priority; lower comes first, devices matching no rule last.
 */
final class ReadAffinity {

    private static final Pattern RULE = Pattern.compile("r(\\d+)(?:z(\\d+))?=(\\d+)");

    private final List<Rule> rules;

    private ReadAffinity(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static ReadAffinity parse(String value) {
        List<Rule> rules = new ArrayList<>();
        for (String part : value.split(",")) {
            String rule = part.strip().replace(" ", "");
            if (rule.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(rule);
            if (!m.matches()) {
                throw new IllegalArgumentException("readAffinity: " + value + " (expected: rules like r1z1=100, r2=200)");
            }
            Integer zone = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            rules.add(new Rule(Integer.parseInt(m.group(1)), zone, Integer.parseInt(m.group(3))));
        }
        return new ReadAffinity(rules);
    }

    /** The device's priority: the first matching rule's, or {@link Integer#MAX_VALUE}. */
    int priority(Device device) {
        for (Rule rule : rules) {
            if (rule.region() == device.region() && (rule.zone() == null || rule.zone() == device.zone())) {
                return rule.priority();
            }
        }
        return Integer.MAX_VALUE;
    }

    private record Rule(int region, @org.jspecify.annotations.Nullable Integer zone, int priority) {
    }
}
