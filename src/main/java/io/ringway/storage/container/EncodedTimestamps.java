package io.ringway.storage.container;

import io.ringway.swift.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three timestamps Swift packs into an object row's {@code created_at}
 * ({@code encode_timestamps}/{@code decode_timestamps} in {@code swift/common/utils.py}): when
 * the data was written, when its content type was last set, and when its metadata was last set
 * (the last two by object POSTs). The form is {@code <data>[<+|-><hex delta>[<+|-><hex delta>]]}
 * in units of ten microseconds, so equal times give the plain data timestamp.
 */
record EncodedTimestamps(Timestamp data, Timestamp contentType, Timestamp meta) {

    static EncodedTimestamps decode(String encoded) {
        List<String> parts = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        int start = 0;
        int sign = 1;
        for (int i = 0; i <= encoded.length(); i++) {
            if (i == encoded.length() || encoded.charAt(i) == '+' || encoded.charAt(i) == '-') {
                parts.add(encoded.substring(start, i));
                signs.add(sign);
                if (i < encoded.length()) {
                    sign = encoded.charAt(i) == '+' ? 1 : -1;
                }
                start = i + 1;
            }
        }
        Timestamp data = Timestamp.parse(parts.get(0));
        Timestamp contentType = parts.size() > 1 ? shifted(data, signs.get(1), parts.get(1)) : data;
        Timestamp meta = parts.size() > 2 ? shifted(contentType, signs.get(2), parts.get(2)) : contentType;
        return new EncodedTimestamps(data, contentType, meta);
    }

    String encode() {
        long first = contentType.raw() - data.raw();
        long second = meta.raw() - contentType.raw();
        String base = data.offset() == 0 ? data.normal()
                : data.normal() + "_" + Long.toHexString(data.offset());
        if (first == 0 && second == 0) {
            return base;
        }
        return base + signedHex(first) + signedHex(second);
    }

    /** A delta of zero keeps the previous timestamp, offset included, as Swift does. */
    private static Timestamp shifted(Timestamp from, int sign, String hex) {
        long delta = sign * Long.parseLong(hex, 16);
        return delta == 0 ? from : new Timestamp(from.raw() + delta, 0);
    }

    /** Python's {@code format(n, '+x')}. */
    private static String signedHex(long value) {
        return (value < 0 ? "-" : "+") + Long.toHexString(Math.abs(value)).toLowerCase(Locale.ROOT);
    }
}
