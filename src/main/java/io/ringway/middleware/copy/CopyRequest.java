package io.ringway.middleware.copy;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpHeaders;

/**
 * The PUT a copy makes, as Swift's {@code handle_PUT} sees it: a client's {@code PUT} with
 * {@code X-Copy-From}, or the one a {@code COPY} was rewritten into.
 *
 * @param version the API version segment
 * @param account the destination account
 * @param container the destination container
 * @param object the destination object
 * @param headers the client's headers (after the rewrite of a COPY)
 * @param query the query parameters
 * @param rewritten whether a COPY became this PUT (its path is then not the one the auth stage saw)
 */
record CopyRequest(String version, String account, String container, String object, HttpHeaders headers,
        Query query, boolean rewritten) {

    CopyRequest {
        requireNonNull(version, "version");
        requireNonNull(account, "account");
        requireNonNull(container, "container");
        requireNonNull(object, "object");
        requireNonNull(headers, "headers");
        requireNonNull(query, "query");
    }

    /** The path on the wire, quoted as Swift's {@code wsgi_quote}. */
    String rawPath() {
        return CopyPaths.quote("/" + version + "/" + account + "/" + container + "/" + object);
    }
}
