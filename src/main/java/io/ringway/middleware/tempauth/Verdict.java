package io.ringway.middleware.tempauth;

/** What the authorization of one request decided. */
sealed interface Verdict {

    Verdict DENIED = new Denied();

    /** Let the request through; {@code owner} is Swift's {@code swift_owner}. */
    record Allowed(boolean owner) implements Verdict {
    }

    /** Refused: 401 for an anonymous request, 403 for an authenticated one. */
    record Denied() implements Verdict {
    }

    /** 400 with this {@code text/plain} body (an invalid {@code X-Account-Access-Control}). */
    record Invalid(String body) implements Verdict {
    }
}
