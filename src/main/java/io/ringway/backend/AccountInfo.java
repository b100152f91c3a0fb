package io.ringway.backend;

import java.util.Map;

/**
 * What the proxy knows of an account, as Swift's {@code headers_to_account_info} (after
 * {@code get_account_info} made the counts integers): the status of the backend HEAD, and the
 * stats and metadata it returned.
 *
 * @param status the backend status (2xx: exists; 404 or 410: does not; 503: nobody answered)
 * @param containerCount {@code X-Account-Container-Count}, 0 when absent
 * @param objectCount {@code X-Account-Object-Count}, 0 when absent
 * @param bytes {@code X-Account-Bytes-Used}, 0 when absent
 * @param meta user metadata: {@code X-Account-Meta-<key>} by lower-case key
 * @param sysmeta system metadata: {@code X-Account-Sysmeta-<key>} by lower-case key
 */
public record AccountInfo(int status, long containerCount, long objectCount, long bytes, Map<String, String> meta,
        Map<String, String> sysmeta) {

    public AccountInfo {
        meta = Map.copyOf(meta);
        sysmeta = Map.copyOf(sysmeta);
    }

    /** The info of an account that could not be looked up, with {@code status} only. */
    public static AccountInfo missing(int status) {
        return new AccountInfo(status, 0, 0, 0, Map.of(), Map.of());
    }

    /** Whether the account exists (a 2xx answer). */
    public boolean exists() {
        return status >= 200 && status < 300;
    }
}
