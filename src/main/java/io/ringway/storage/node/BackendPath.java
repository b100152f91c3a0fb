package io.ringway.storage.node;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A backend request path, {@code /device/partition/account[/container[/object]]}, split and
 * validated as Swift's {@code split_and_validate_path} does: the path is percent-decoded, the
 * object segment keeps its slashes, and device and partition may be neither empty, {@code .}
 * nor {@code ..}.
 */
public record BackendPath(String device, String partition, String account,
        @Nullable String container, @Nullable String object) {

    /**
     * Splits a raw (still percent-encoded) path into between {@code minSegments} and
     * {@code maxSegments} segments; with {@code restWithLast} the last segment takes the rest.
     *
     * @throws InvalidBackendPathException with Swift's message when the path does not fit
     */
    public static BackendPath parse(String rawPath, int minSegments, int maxSegments, boolean restWithLast) {
        String path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        List<@Nullable String> segments = split(path, minSegments, maxSegments, restWithLast);
        String device = requireNonNull(segments.get(0), "device");
        String partition = requireNonNull(segments.get(1), "partition");
        if (!isValidName(device)) {
            throw new InvalidBackendPathException("Invalid device: " + device);
        }
        if (!isValidName(partition)) {
            throw new InvalidBackendPathException("Invalid partition: " + partition);
        }
        return new BackendPath(device, partition, requireNonNull(segments.get(2), "account"),
                presentOrNull(segments, 3), presentOrNull(segments, 4));
    }

    /**
     * Swift's {@code split_path}, line for line: segments past those present are {@code null},
     * and a present but empty trailing segment stays empty.
     */
    static List<@Nullable String> split(String path, int minSegments, int maxSegments, boolean restWithLast) {
        int min = minSegments + 1;
        int max = maxSegments + 1;
        String[] segs = path.split("/", restWithLast ? max : max + 1);
        int count = segs.length;
        boolean invalid = !segs[0].isEmpty() || count < min || emptyAmong(segs, 1, min);
        if (restWithLast) {
            invalid |= count > max;
        } else {
            invalid |= count > max + 1 || (count == max + 1 && !segs[max].isEmpty());
        }
        if (invalid) {
            throw new InvalidBackendPathException("Invalid path: " + UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
        List<@Nullable String> segments = new ArrayList<>(maxSegments);
        for (int i = 1; i < max; i++) {
            segments.add(i < count ? segs[i] : null);
        }
        return segments;
    }

    private static boolean emptyAmong(String[] segs, int from, int to) {
        for (int i = from; i < Math.min(to, segs.length); i++) {
            if (segs[i].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An empty trailing segment means "absent", as Swift's falsy {@code ''} does. */
    private static @Nullable String presentOrNull(List<@Nullable String> segments, int index) {
        if (index >= segments.size()) {
            return null;
        }
        String segment = segments.get(index);
        return segment == null || segment.isEmpty() ? null : segment;
    }

    private static boolean isValidName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0;
    }
}
