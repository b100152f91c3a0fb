package io.ringway.api.error;

import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;

/**
 * The Swift dialect of an error answer: the exception's own body, or swob's default body for the
 * status ({@code <html><h1>Not Found</h1><p>The resource could not be found.</p></html>}).
 *
 * @param status the HTTP status
 * @param contentType the body's content type
 * @param body the body's bytes (UTF-8)
 */
public record SwiftErrorBody(int status, String contentType, byte[] body) {

    /** Renders an error as Swift's proxy would. */
    public static SwiftErrorBody of(GatewayException error) {
        String body = error.body();
        String text = body != null ? body : SwiftStatus.defaultBody(error.status());
        return new SwiftErrorBody(error.status(), error.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The reason phrase Swift sends in the status line. */
    public String reason() {
        return SwiftStatus.title(status);
    }
}
