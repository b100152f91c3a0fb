package io.ringway.middleware.listingformats;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * The account and container of a listing request: Swift's {@code split_path(2, 3)} on the
 * decoded path with a valid API version ({@code /v1/a}, {@code /v1/a/c}, {@code /v1.0/a/c/}).
 *
 * @param account the decoded account name
 * @param container the decoded container name; empty for an account listing
 */
record ListingTarget(String account, String container) {

    private static final Set<String> VERSIONS = Set.of("v1", "v1.0");

    /** The target of a request for this raw (percent-encoded) path, {@code null} when not a listing. */
    static @Nullable ListingTarget of(String rawPath) {
        String path = StringUtils.uriDecode(rawPath, StandardCharsets.UTF_8);
        String[] segments = path.split("/", -1);
        int count = segments.length;
        // split_path(2, 3): a leading slash, a version and an account, then at most a container and a slash.
        if (!segments[0].isEmpty() || count < 3 || count > 5 || segments[1].isEmpty() || segments[2].isEmpty()) {
            return null;
        }
        if (count == 5 && !segments[4].isEmpty()) {
            return null;
        }
        if (!VERSIONS.contains(segments[1])) {
            return null;
        }
        return new ListingTarget(segments[2], count > 3 ? segments[3] : "");
    }

    boolean isContainer() {
        return !container.isEmpty();
    }
}
