package io.ringway.middleware.acl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A container ACL split into referrer rules (without their {@code .r:}) and groups, as Swift's
 * {@code parse_acl_v1}.
 *
 * @param referrers referrer designations in order: {@code *}, a host, {@code .domain}, each
 *     possibly negated by a leading {@code -}
 * @param groups the groups, users ({@code account:user}) and directives ({@code .rlistings})
 *     granted access, URL-decoded
 */
public record ParsedAcl(List<String> referrers, List<String> groups) {

    public ParsedAcl {
        referrers = List.copyOf(referrers);
        groups = List.copyOf(groups);
    }

    /** Splits a (cleaned) ACL string; {@code null} or empty gives no referrers and no groups. */
    public static ParsedAcl parse(@Nullable String acl) {
        List<String> referrers = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        if (acl != null && !acl.isEmpty()) {
            for (String value : acl.split(",", -1)) {
                if (value.startsWith(".r:")) {
                    referrers.add(value.substring(3));
                } else {
                    groups.add(UriUtils.decode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return new ParsedAcl(referrers, groups);
    }

    /**
     * Whether a request with this {@code Referer} is allowed by the referrer rules, applied in
     * order so that a later negation overrides an earlier grant (Swift's {@code referrer_allowed}).
     * A missing or unparsable referrer counts as the host {@code unknown}.
     */
    public boolean referrerAllowed(@Nullable String referer) {
        if (referrers.isEmpty()) {
            return false;
        }
        String host = hostOf(referer);
        boolean allow = false;
        for (String rule : referrers) {
            if (rule.startsWith("-")) {
                if (matches(rule.substring(1), host)) {
                    allow = false;
                }
            } else if (rule.equals("*") || matches(rule, host)) {
                allow = true;
            }
        }
        return allow;
    }

    private static boolean matches(String rule, String host) {
        return rule.equals(host) || (rule.startsWith(".") && host.endsWith(rule));
    }

    // Python's urlparse(...).hostname: the netloc after "//" without user info and port,
    // lower-cased; "unknown" when the referrer has none (a bare "example.com" has no netloc).
    private static String hostOf(@Nullable String referer) {
        if (referer == null) {
            return "unknown";
        }
        int scheme = referer.indexOf("//");
        if (scheme < 0 || (scheme > 0 && !isScheme(referer.substring(0, scheme)))) {
            return "unknown";
        }
        String rest = referer.substring(scheme + 2);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String netloc = rest.substring(0, end);
        netloc = netloc.substring(netloc.lastIndexOf('@') + 1);
        String host;
        if (netloc.startsWith("[")) {
            int close = netloc.indexOf(']');
            host = close < 0 ? netloc.substring(1) : netloc.substring(1, close);
        } else {
            int colon = netloc.indexOf(':');
            host = colon < 0 ? netloc : netloc.substring(0, colon);
        }
        return host.isEmpty() ? "unknown" : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isScheme(String prefix) {
        return prefix.endsWith(":") && prefix.length() > 1
                && prefix.substring(0, prefix.length() - 1).chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
    }
}
