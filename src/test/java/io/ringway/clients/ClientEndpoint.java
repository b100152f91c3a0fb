package io.ringway.clients;

import static java.util.Objects.requireNonNull;

/**
 * Where the clients log in: a Swift v1.0 auth URL and a tempauth user with its key.
 *
 * @param authUrl e.g. {@code http://127.0.0.1:PORT/auth/v1.0}
 * @param user {@code account:user}, e.g. {@code test:tester}
 * @param key the user's key
 */
record ClientEndpoint(String authUrl, String user, String key) {

    ClientEndpoint {
        requireNonNull(authUrl, "authUrl");
        requireNonNull(user, "user");
        requireNonNull(key, "key");
    }
}
