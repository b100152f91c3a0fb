package io.ringway.middleware.copy;

import io.ringway.swift.SwiftRules;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;

/**
 * Which headers a copy carries (Swift's {@code copy.py} and its {@code request_helpers}): what the
 * destination PUT gets from the source and from the client, and what the client is told.
 */
final class CopyHeaders {

    /** Source headers the destination never inherits (Swift's {@code exclude_headers}), plus framing. */
    private static final List<String> NOT_INHERITED = List.of("x-static-large-object", "x-object-manifest", "etag",
            "content-type", "x-timestamp", "x-backend-timestamp", "content-length", "transfer-encoding",
            "connection");

    private static final String UPDATE_OVERRIDE = "x-object-sysmeta-container-update-override-";

    private CopyHeaders() {
    }

    /**
     * The destination PUT's headers: the source's (all of them, or with {@code X-Fresh-Metadata}
     * only its sysmeta) under the client's, the source's {@code Content-Type} unless the client
     * set one, and its {@code Etag} when the whole object is copied (a 200 of no large object) so
     * that the storage nodes verify the bytes.
     *
     * @param client the client's headers (of the PUT a COPY became)
     * @param source the source GET's response headers
     * @param wholeObject whether the source answered 200 for a plain object or a manifest read raw
     */
    static HttpHeaders sink(HttpHeaders client, HttpHeaders source, long length, boolean wholeObject) {
        HttpHeaders sink = new HttpHeaders();
        if (SwiftRules.isTrue(client.getFirst("X-Fresh-Metadata"))) {
            sink.putAll(client);
            copy(source, sink, CopyHeaders::isSysmeta);
            copy(client, sink, CopyHeaders::isSysmeta);
        } else {
            copy(source, sink, name -> !NOT_INHERITED.contains(lower(name)));
            sink.putAll(client);
        }
        if (wholeObject) {
            String etag = source.getFirst(HttpHeaders.ETAG);
            if (etag != null) {
                sink.set(HttpHeaders.ETAG, unquoted(etag));
            } else {
                sink.remove(HttpHeaders.ETAG);
            }
        } else {
            // The storage nodes would list the source's size or etag for other bytes.
            List.copyOf(sink.headerNames()).stream()
                    .filter(name -> lower(name).startsWith(UPDATE_OVERRIDE))
                    .forEach(sink::remove);
        }
        sink.remove("X-Copy-From");
        sink.remove("X-Copy-From-Account");
        String clientType = client.getFirst(HttpHeaders.CONTENT_TYPE);
        String sourceType = source.getFirst(HttpHeaders.CONTENT_TYPE);
        if ((clientType == null || clientType.isEmpty()) && sourceType != null) {
            sink.set(HttpHeaders.CONTENT_TYPE, sourceType);
        }
        sink.remove(HttpHeaders.TRANSFER_ENCODING);
        sink.setContentLength(length);
        return sink;
    }

    /**
     * What a successful copy adds to the PUT's answer: {@code X-Copied-From(-Account)}, the
     * source's {@code Last-Modified} and version, and the destination's metadata.
     */
    static HttpHeaders answer(String sourceAccount, String sourceContainer, String sourceObject, HttpHeaders source,
            HttpHeaders sink) {
        HttpHeaders answer = new HttpHeaders();
        answer.set("X-Copied-From-Account", CopyPaths.quote(sourceAccount));
        answer.set("X-Copied-From", CopyPaths.quote(sourceContainer + "/" + sourceObject));
        String lastModified = source.getFirst(HttpHeaders.LAST_MODIFIED);
        if (lastModified != null) {
            answer.set("X-Copied-From-Last-Modified", lastModified);
        }
        String version = source.getFirst("X-Object-Version-Id");
        if (version != null) {
            answer.set("X-Copied-From-Version-Id", version);
        }
        copy(sink, answer, name -> isSysmeta(name) || lower(name).startsWith("x-object-meta-")
                || lower(name).startsWith("x-object-transient-sysmeta-") || lower(name).equals("x-delete-at"));
        return answer;
    }

    private static void copy(HttpHeaders from, HttpHeaders to, Predicate<String> which) {
        for (String name : from.headerNames()) {
            if (which.test(name)) {
                to.put(name, from.get(name));
            }
        }
    }

    private static boolean isSysmeta(String name) {
        return lower(name).startsWith("x-object-sysmeta-");
    }

    // swob's etag property: the value without its surrounding quotes.
    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
