package io.ringway.storage.container;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code validate_sync_to} for {@code X-Container-Sync-To} on container PUT and POST,
 * read as Python's {@code urlparse} reads it. This node knows no container-sync realms, so a
 * realm-style {@code //realm/cluster/account/container} value names an unknown realm.
 */
final class SyncTo {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);

    private SyncTo() {
    }

    /** Swift's error message for an invalid value; empty when it is valid (or empty). */
    static Optional<String> validate(String original, Set<String> allowedHosts) {
        String value = stripTrailingSlashes(original);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.startsWith("//")) {
            String[] data = value.substring(2).split("/", -1);
            if (data.length != 4) {
                return Optional.of("Invalid X-Container-Sync-To format " + repr(original));
            }
            return Optional.of("No realm key for " + repr(data[0]));
        }
        String rest = value;
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String scheme = "";
        Matcher matcher = SCHEME.matcher(rest);
        if (matcher.matches()) {
            scheme = matcher.group(1).toLowerCase(Locale.ROOT);
            rest = matcher.group(2);
        }
        String netloc = "";
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            netloc = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        String path = rest;
        boolean params = path.substring(path.lastIndexOf('/') + 1).contains(";");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Invalid scheme " + repr(scheme)
                    + " in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".");
        }
        if (path.isEmpty()) {
            return Optional.of("Path required in X-Container-Sync-To");
        }
        if (params || !query.isEmpty() || !fragment.isEmpty()) {
            return Optional.of("Params, queries, and fragments not allowed in X-Container-Sync-To");
        }
        String host = hostname(netloc);
        if (host == null || !allowedHosts.contains(host)) {
            return Optional.of("Invalid host " + (host == null ? "None" : repr(host)) + " in X-Container-Sync-To");
        }
        return Optional.empty();
    }

    /** Python's {@code urlparse(...).hostname}: no user info or port, lower case, {@code None} when empty. */
    private static @Nullable String hostname(String netloc) {
        String host = netloc.substring(netloc.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host.substring(1) : host.substring(1, close);
        } else {
            int colon = host.indexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code repr} of a string, for the common cases. */
    private static String repr(String value) {
        if (value.contains("'") && !value.contains("\"")) {
            return "\"" + value + "\"";
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String stripTrailingSlashes(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(0, end);
    }
}
