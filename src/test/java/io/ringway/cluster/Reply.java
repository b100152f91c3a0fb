package io.ringway.cluster;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A whole response of one proxy: status, headers and body (the tests' bodies are small enough). */
record Reply(Side side, int status, HttpHeaders headers, byte[] body) {

    Reply {
        requireNonNull(side, "side");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    @Nullable
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return side + " " + status + " " + headers.map() + (body.length > 600 ? "" : " " + text());
    }
}
