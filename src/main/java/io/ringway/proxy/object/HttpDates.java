package io.ringway.proxy.object;

import io.ringway.swift.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTTP dates as Swift writes them ({@code Sun, 06 Nov 1994 08:49:37 GMT}, two-digit day). */
final class HttpDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** Swift's {@code resp.last_modified = Timestamp(...).ceil()}: the timestamp rounded up to a second. */
    static String lastModified(Timestamp timestamp) {
        long seconds = (timestamp.raw() + 99_999) / 100_000;
        return FORMAT.format(Instant.ofEpochSecond(seconds));
    }
}
