package io.ringway.middleware.copy;

import io.ringway.api.error.GatewayException;
import io.ringway.swift.PythonText;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The path checks of Swift's copy middleware, with its 412 bodies. */
final class CopyPaths {

    private CopyPaths() {
    }

    /**
     * Swift's {@code split_path(path, n, n, rest_with_last=True)}: exactly {@code n} non-empty
     * segments, the last keeping the rest; {@code null} where Swift raises {@code ValueError}.
     */
    static String @Nullable [] split(String path, int n) {
        String[] segments = path.split("/", n + 1);
        if (segments.length != n + 1 || !segments[0].isEmpty()) {
            return null;
        }
        String[] result = new String[n];
        for (int i = 0; i < n; i++) {
            if (segments[i + 1].isEmpty()) {
                return null;
            }
            result[i] = segments[i + 1];
        }
        return result;
    }

    /**
     * Swift's {@code check_path_header}: the header unquoted, a leading slash added, split into
     * container and object.
     *
     * @throws GatewayException 412 with {@code <header> header must be of the form <container name>/<object name>}
     */
    static String[] containerAndObject(String header, String value) {
        String decoded = unquoteHeader(value);
        String[] parts = split(decoded.startsWith("/") ? decoded : "/" + decoded, 2);
        if (parts == null) {
            throw GatewayException.withBody(412,
                    header + " header must be of the form <container name>/<object name>");
        }
        return parts;
    }

    /**
     * Swift's {@code check_account_format} on an unquoted account header.
     *
     * @throws GatewayException 412 for an empty name or one with a slash
     */
    static String account(String value) {
        String account = unquoteHeader(value);
        if (account.isEmpty()) {
            throw GatewayException.withBody(412, "Account name cannot be empty");
        }
        if (account.contains("/")) {
            throw GatewayException.withBody(412, "Account name cannot contain slashes");
        }
        return account;
    }

    /** Swift's {@code wsgi_unquote}. */
    static String unquote(String value) {
        return new String(PythonText.unquoteToBytes(value), StandardCharsets.UTF_8);
    }

    /**
     * Swift's {@code wsgi_unquote} on a header value: the header's bytes (one char per byte, as
     * Netty reads them, like a WSGI string), percent-unquoted, then read as UTF-8. Clients send
     * names raw ({@code X-Copy-From: c/\u00c3\u00a9}, the bytes of "c/é") or quoted
     * ({@code c/%C3%A9}), and both name the same object.
     */
    static String unquoteHeader(String value) {
        return unquote(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** Swift's {@code wsgi_quote}: everything but letters, digits, {@code _.-~} and {@code /} escaped. */
    static String quote(String value) {
        return PythonText.quote(value, "/");
    }
}
