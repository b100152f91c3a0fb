package io.ringway.storage.object;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * swob's {@code Range}: a {@code Range} request header as its list of byte-range-specs. A header
 * with any syntactically invalid spec is ignored as a whole (RFC 7233), which
 * {@link #parse(String)} signals with {@code null}.
 */
record RangeHeader(List<Spec> specs) {

    /** swob's {@code MAX_RANGES}. */
    static final int MAX_RANGES = 50;
    /** swob's {@code MAX_RANGE_OVERLAPS}. */
    static final int MAX_RANGE_OVERLAPS = 2;
    /** swob's {@code MAX_NONASCENDING_RANGES}. */
    static final int MAX_NONASCENDING_RANGES = 8;

    RangeHeader {
        specs = List.copyOf(specs);
    }

    /** The header's specs, or {@code null} when swob would ignore the header. */
    static @Nullable RangeHeader parse(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        String value = header.replace(" ", "");
        if (!value.toLowerCase(java.util.Locale.ROOT).startsWith("bytes=")) {
            return null;
        }
        List<Spec> specs = new ArrayList<>();
        for (String range : value.substring(6).split(",", -1)) {
            int hyphen = range.indexOf('-');
            if (hyphen < 0) {
                return null;
            }
            String startText = range.substring(0, hyphen);
            String endText = range.substring(hyphen + 1);
            Long start = null;
            if (!startText.isEmpty()) {
                start = pythonInt(startText);
                if (start == null) {
                    return null;
                }
            }
            Long end = null;
            if (!endText.isEmpty()) {
                if (!endText.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                end = pythonInt(endText);
                if (end == null || (start != null && end < start)) {
                    return null;
                }
            } else if (start == null) {
                return null;
            }
            specs.add(new Spec(start, end));
        }
        return new RangeHeader(specs);
    }

    /**
     * swob's {@code ranges_for_length}: the half-open ranges to serve of a body of {@code length}
     * bytes; empty means unsatisfiable (416), including the egregious sets RFC 7233 lets servers
     * refuse (more than 50 ranges, more than 2 overlaps, 8 or more out of order).
     */
    List<ByteSpan> forLength(long length) {
        List<ByteSpan> spans = new ArrayList<>();
        for (Spec spec : specs) {
            Long begin = spec.start();
            Long end = spec.end();
            if (begin == null) {
                long suffix = end == null ? 0 : end;
                if (suffix == 0) {
                    continue;
                }
                spans.add(suffix > length ? new ByteSpan(0, length) : new ByteSpan(length - suffix, length));
                continue;
            }
            if (begin < length) {
                spans.add(new ByteSpan(begin, end == null ? length : Math.min(end + 1, length)));
            }
        }
        if (spans.size() > MAX_RANGES) {
            return List.of();
        }
        int overlaps = 0;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (spans.get(i).overlaps(spans.get(j)) && ++overlaps > MAX_RANGE_OVERLAPS) {
                    return List.of();
                }
            }
        }
        boolean ascending = true;
        for (int i = 0; i + 1 < spans.size(); i++) {
            if (spans.get(i).compareTo(spans.get(i + 1)) > 0) {
                ascending = false;
                break;
            }
        }
        if (!ascending && spans.size() >= MAX_NONASCENDING_RANGES) {
            return List.of();
        }
        return spans;
    }

    /** Python's {@code int(text)} for the forms a range can hold: an optional sign, digits, underscores between digits. */
    private static @Nullable Long pythonInt(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            return null;
        }
        String plain = digits.replace("_", "");
        if (!plain.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.parseLong(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One byte-range-spec: {@code start-end}, {@code start-} or the suffix {@code -end}. */
    record Spec(@Nullable Long start, @Nullable Long end) {
    }

    /** A half-open span {@code [start, stop)} of a body, as swob's range tuples. */
    record ByteSpan(long start, long stop) implements Comparable<ByteSpan> {

        long length() {
            return stop - start;
        }

        /** swob's overlap test, which counts neither touching nor identical spans. */
        boolean overlaps(ByteSpan other) {
            return (start < other.start && other.start < stop) || (start < other.stop && other.stop < stop)
                    || (other.start < start && start < other.stop) || (other.start < stop && stop < other.stop);
        }

        /** {@code bytes start-last/size}, swob's {@code content_range_header_value}. */
        String contentRange(long size) {
            return "bytes " + start + "-" + (stop - 1) + "/" + size;
        }

        @Override
        public int compareTo(ByteSpan other) {
            int byStart = Long.compare(start, other.start);
            return byStart != 0 ? byStart : Long.compare(stop, other.stop);
        }
    }
}
