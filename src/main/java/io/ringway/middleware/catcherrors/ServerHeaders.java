package io.ringway.middleware.catcherrors;

import io.ringway.swift.HttpDate;
import java.time.Clock;
import org.springframework.http.HttpHeaders;

/**
 * What Swift's WSGI server (eventlet) adds to every response and Reactor Netty does not: a
 * {@code Date} (when no stage set one), and for a {@code HEAD} answered without a length,
 * {@code Content-Length: 0} (swob's HEAD body is an empty list, whose length eventlet sends),
 * where Reactor Netty would send {@code Transfer-Encoding: chunked}. Clients show both:
 * {@code swift stat} of a new account printed a {@code Transfer-Encoding: chunked} line.
 */
final class ServerHeaders {

    private ServerHeaders() {
    }

    static void complete(HttpHeaders headers, boolean head, Clock clock) {
        if (!headers.containsHeader(HttpHeaders.DATE)) {
            headers.set(HttpHeaders.DATE, HttpDate.format(clock.instant().getEpochSecond()));
        }
        if (head && !headers.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
            // Reactor Netty's response headers start out with Transfer-Encoding: chunked.
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(0);
        }
    }
}
