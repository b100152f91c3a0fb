package io.ringway.backend;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Swift's {@code headers_to_account_info} and {@code headers_to_container_info}. */
final class InfoHeaders {

    private InfoHeaders() {
    }

    static AccountInfo account(int status, HttpHeaders headers) {
        return new AccountInfo(status, count(headers, "X-Account-Container-Count"),
                count(headers, "X-Account-Object-Count"), count(headers, "X-Account-Bytes-Used"),
                withPrefix(headers, "x-account-meta-"), withPrefix(headers, "x-account-sysmeta-"));
    }

    static ContainerInfo container(int status, HttpHeaders headers) {
        return new ContainerInfo(status, count(headers, "X-Container-Object-Count"),
                count(headers, "X-Container-Bytes-Used"),
                (int) count(headers, "X-Backend-Storage-Policy-Index"),
                headers.getFirst("X-Container-Read"), headers.getFirst("X-Container-Write"),
                headers.getFirst("X-Container-Sync-Key"), headers.getFirst("X-Versions-Location"),
                withPrefix(headers, "x-container-meta-"), withPrefix(headers, "x-container-sysmeta-"));
    }

    /** An integer header; absent (or, unlike Swift, which would fail, malformed) counts as 0. */
    private static long count(HttpHeaders headers, String name) {
        @Nullable String value = headers.getFirst(name);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Headers starting with {@code prefix} (lower case), by the rest of their lower-cased name. */
    private static Map<String, String> withPrefix(HttpHeaders headers, String prefix) {
        Map<String, String> found = new HashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix) && !values.isEmpty()) {
                found.put(lower.substring(prefix.length()), values.get(0));
            }
        });
        return found;
    }
}
