package io.ringway.middleware.tempauth;

import org.jspecify.annotations.Nullable;

/** Swift's {@code split_path} on a decoded path: its segments, with nulls for the missing ones. */
final class SplitPath {

    private SplitPath() {
    }

    /**
     * The segments, or {@code null} where Swift raises {@code ValueError}.
     *
     * @param restWithLast whether the last segment takes the rest of the path, slashes included
     */
    static String @Nullable [] split(String path, int minSegments, int maxSegments, boolean restWithLast) {
        int min = minSegments + 1;
        int max = maxSegments + 1;
        String[] segments = splitLimited(path, restWithLast ? max : max + 1);
        int count = segments.length;
        if (!segments[0].isEmpty() || count < min) {
            return null;
        }
        for (int i = 1; i < min; i++) {
            if (segments[i].isEmpty()) {
                return null;
            }
        }
        if (restWithLast ? count > max : count > max + 1 || (count == max + 1 && !segments[max].isEmpty())) {
            return null;
        }
        String[] result = new String[maxSegments];
        System.arraycopy(segments, 1, result, 0, Math.min(count, max) - 1);
        return result;
    }

    // Python's str.split('/', n - 1): at most n parts, the last one keeping the rest.
    private static String[] splitLimited(String path, int parts) {
        return path.split("/", parts);
    }
}
