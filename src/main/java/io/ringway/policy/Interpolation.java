package io.ringway.policy;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python ConfigParser's {@code BasicInterpolation}, which applies to every value Swift reads from
 * swift.conf: {@code %%} stands for {@code %}, {@code %(name)s} for another option of the same
 * section (or {@code [DEFAULT]}), and any other {@code %} is an error. It matters for the hash
 * path secrets: a suffix written {@code ab%%cd} is hashed by Swift as {@code ab%cd}.
 */
final class Interpolation {

    /** Python's {@code MAX_INTERPOLATION_DEPTH}. */
    private static final int MAX_DEPTH = 10;
    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");

    private Interpolation() {
    }

    static String interpolate(String section, String option, String value, Map<String, String> options) {
        StringBuilder out = new StringBuilder();
        expand(section, option, value, options, out, 1);
        return out.toString();
    }

    private static void expand(String section, String option, String rest, Map<String, String> options,
            StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(section + ": " + option + " nests %(...)s references more than "
                    + MAX_DEPTH + " deep (expected: no reference cycle)");
        }
        int at = 0;
        while (at < rest.length()) {
            int percent = rest.indexOf('%', at);
            if (percent < 0) {
                out.append(rest, at, rest.length());
                return;
            }
            out.append(rest, at, percent);
            char next = percent + 1 < rest.length() ? rest.charAt(percent + 1) : 0;
            if (next == '%') {
                out.append('%');
                at = percent + 2;
                continue;
            }
            Matcher reference = REFERENCE.matcher(rest).region(percent, rest.length());
            if (next != '(' || !reference.lookingAt()) {
                throw new IllegalArgumentException(section + ": " + option + " has a bad '%' at " + rest.substring(percent)
                        + " (expected: %% for a literal '%' or %(option)s)");
            }
            String name = reference.group(1).toLowerCase(Locale.ROOT);
            String referenced = options.get(name);
            if (referenced == null) {
                throw new IllegalArgumentException(section + ": " + option + " refers to %(" + name
                        + ")s (expected: an option of the section or of [DEFAULT])");
            }
            if (referenced.indexOf('%') >= 0) {
                expand(section, option, referenced, options, out, depth + 1);
            } else {
                out.append(referenced);
            }
            at = reference.end();
        }
    }
}
