package io.ringway.federation.wire;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where a target's requests go: the scheme, the host to connect to and its port, and the
 * {@code Host} header that names them (without a default port, as clients send it).
 *
 * @param https whether the connection is TLS
 * @param host the host name or address to connect to (an IPv6 address without brackets)
 * @param port the port
 * @param hostHeader the {@code Host} header
 */
public record Origin(boolean https, String host, int port, String hostHeader) {

    public Origin {
        requireNonNull(host, "host");
        requireNonNull(hostHeader, "hostHeader");
    }

    /** The origin of {@code url} (http or https). */
    public static Origin of(URI url) {
        return of("https".equalsIgnoreCase(url.getScheme()), requireNonNull(url.getHost(), () -> "no host in " + url),
                url.getPort());
    }

    /** The origin of {@code host} (as a URL has it: an IPv6 address in brackets) and {@code port} (-1: the scheme's). */
    public static Origin of(boolean https, String host, int port) {
        int defaultPort = https ? 443 : 80;
        int actual = port < 0 ? defaultPort : port;
        String header = actual == defaultPort ? host : host + ":" + actual;
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new Origin(https, bare, actual, header);
    }

    /** Scheme and authority, as a URL starts. */
    public String url() {
        return (https ? "https://" : "http://") + hostHeader;
    }
}
