package io.ringway.federation.s3;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bucket of a local container: a template where {@code {container}} is the container's name
 * and {@code {account}} the account's in lower case with {@code _} as {@code -} ({@code AUTH_test}
 * is {@code auth-test}). The template is checked at start (it must name the container, and its
 * own text must be allowed in bucket names).
 *
 * <p>A container whose name is allowed in a bucket name is there as it is. Swift allows far more
 * ({@code logs_segments}, {@code Photos}): such a name is there in lower case with every other
 * character as {@code -}, cut to fit, and followed by {@code -} and 8 hex digits of its SHA-256,
 * so that names that differ only in what bucket names do not allow get buckets of their own
 * ({@code logs_segments} is {@code logs-segments-} and the digits). A name that still makes no
 * valid bucket (the template leaves no room) cannot be created in the policy.
 */
final class BucketNames {

    private static final String CONTAINER = "{container}";
    private static final int MAX_LENGTH = 63;
    private static final int HASH_DIGITS = 8;
    private static final String ACCOUNT = "{account}";
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]{3,63}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private final String template;

    private BucketNames(String template) {
        this.template = template;
    }

    /**
     * The names {@code template} makes; {@link IllegalArgumentException} saying why when it cannot
     * make valid ones.
     */
    static BucketNames of(String template) {
        requireNonNull(template, "template");
        if (!template.contains(CONTAINER)) {
            throw new IllegalArgumentException("'" + template + "' must hold {container}: each container needs a"
                    + " bucket of its own");
        }
        String literal = template.replace(CONTAINER, "").replace(ACCOUNT, "");
        if (!literal.isEmpty() && !literal.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '.' || c == '-')) {
            throw new IllegalArgumentException("'" + template + "': bucket names allow only a-z, 0-9, '.' and '-'"
                    + " besides {account} and {container}");
        }
        BucketNames names = new BucketNames(template);
        String sample = template.replace(ACCOUNT, "auth-test").replace(CONTAINER, "photos");
        String problem = problem(sample);
        if (problem != null) {
            throw new IllegalArgumentException("'" + template + "' makes '" + sample + "' for container photos of"
                    + " account AUTH_test: " + problem);
        }
        return names;
    }

    /** The bucket of {@code account}'s {@code container}, or null when that makes no valid bucket name. */
    @Nullable String bucket(String account, String container) {
        String bucket = render(account, container);
        return problem(bucket) == null ? bucket : null;
    }

    private String render(String account, String container) {
        String withAccount = template.replace(ACCOUNT, account.toLowerCase(Locale.ROOT).replace('_', '-'));
        String plain = withAccount.replace(CONTAINER, container);
        if (problem(plain) == null) {
            return plain;
        }
        int room = MAX_LENGTH - (withAccount.length() - CONTAINER.length()) - HASH_DIGITS - 1;
        String readable = readable(container);
        readable = readable.substring(0, Math.max(0, Math.min(readable.length(), room)));
        while (readable.endsWith("-")) {
            readable = readable.substring(0, readable.length() - 1);
        }
        String hash = hash(container);
        return withAccount.replace(CONTAINER, readable.isEmpty() ? hash : readable + "-" + hash);
    }

    /** The name in lower case, every character bucket names do not allow (and dots) as {@code -}, runs of them as one. */
    private static String readable(String container) {
        StringBuilder out = new StringBuilder();
        for (char c : container.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean kept = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (kept) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        return out.toString();
    }

    private static String hash(String container) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(container.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with {@code bucket} as an S3 bucket name, or null. */
    static @Nullable String problem(String bucket) {
        if (!ALLOWED.matcher(bucket).matches()) {
            return "a bucket name has 3 to 63 characters of a-z, 0-9, '.' and '-'";
        }
        if (!Character.isLetterOrDigit(bucket.charAt(0)) || !Character.isLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
            return "a bucket name starts and ends with a letter or a digit";
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            return "a bucket name has no '..', '.-' or '-.'";
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return "a bucket name is not an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (bucket.startsWith(prefix)) {
                return "a bucket name does not start with " + prefix;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (bucket.endsWith(suffix)) {
                return "a bucket name does not end with " + suffix;
            }
        }
        return null;
    }
}
