package io.ringway.middleware.tempauth;

import org.jspecify.annotations.Nullable;

/**
 * What authorization looks at in a request to {@code /v1/<account>[/<container>[/<object>]]}.
 *
 * @param method the HTTP method
 * @param account the account, with its reseller prefix
 * @param container the container, or null for an account request
 * @param object the object, or null
 * @param referer the {@code Referer} header
 * @param accountAccessControl the {@code X-Account-Access-Control} header, or null
 */
record AuthRequest(
        String method,
        String account,
        @Nullable String container,
        @Nullable String object,
        @Nullable String referer,
        @Nullable String accountAccessControl) {

    /** The same request with another method and path (the other half of a copy). */
    AuthRequest with(String newMethod, String newAccount, String newContainer, String newObject) {
        return new AuthRequest(newMethod, newAccount, newContainer, newObject, referer, null);
    }
}
