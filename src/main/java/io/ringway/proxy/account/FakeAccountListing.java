package io.ringway.proxy.account;

import io.ringway.proxy.ProxyReply;
import io.ringway.swift.Timestamp;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Swift's answer for a missing account under {@code account_autocreate}
 * ({@code account_listing_response} over a {@code FakeAccountBroker}): an empty JSON listing with
 * zero counts and timestamps of now, marked {@code X-Backend-Fake-Account-Listing} (gatekeeper
 * strips it) so that a container PUT still creates the account.
 */
final class FakeAccountListing {

    private FakeAccountListing() {
    }

    static ProxyReply reply(ServerWebExchange exchange) {
        String now = Timestamp.now().normal();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Account-Container-Count", "0");
        headers.set("X-Account-Object-Count", "0");
        headers.set("X-Account-Bytes-Used", "0");
        headers.set("X-Timestamp", now);
        headers.set("X-PUT-Timestamp", now);
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        headers.set("X-Backend-Fake-Account-Listing", "yes");
        return ProxyReply.text(200, headers, "[]", exchange);
    }
}
