package io.ringway.proxy.object;

import io.ringway.swift.HttpDate;
import io.ringway.swift.Timestamp;

/** {@code Last-Modified} of an object write, as Swift's proxy sets it. */
final class HttpDates {

    private HttpDates() {
    }

    /** Swift's {@code resp.last_modified = Timestamp(...).ceil()}: the timestamp rounded up to a second. */
    static String lastModified(Timestamp timestamp) {
        return HttpDate.format((timestamp.raw() + 99_999) / 100_000);
    }
}
