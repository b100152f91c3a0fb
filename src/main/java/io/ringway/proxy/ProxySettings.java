package io.ringway.proxy;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ringway.proxy}: the account and container options of Swift's {@code [app:proxy-server]}
 * section, with Swift's names and defaults ({@code ringway.proxy.account_autocreate} or
 * {@code account-autocreate}). {@code auto_create_account_prefix} comes from
 * {@code swift.conf}'s {@code [swift-constraints]}, the {@code recheck_*} times from the cache
 * stage.
 *
 * @param allowAccountManagement whether clients may PUT and DELETE accounts ({@code allow_account_management})
 * @param accountAutocreate whether a missing account looks empty to GET and HEAD and is created
 *     by its first container PUT or POST ({@code account_autocreate}); Ringway's
 *     {@code application.yml} turns it on, as Swift's SAIO does
 * @param maxContainersPerAccount how many containers an account may have, 0 for no limit
 *     ({@code max_containers_per_account})
 * @param maxContainersWhitelist accounts the limit does not apply to ({@code max_containers_whitelist})
 * @param corsAllowOrigin origins allowed for CORS on every container, beside each container's
 *     {@code X-Container-Meta-Access-Control-Allow-Origin} ({@code cors_allow_origin}, comma-separated)
 * @param strictCorsMode whether an actual CORS request from an origin that is not allowed gets
 *     no {@code Access-Control-*} headers ({@code strict_cors_mode}, Swift's default true)
 * @param corsExposeHeaders headers added to every {@code Access-Control-Expose-Headers}
 *     ({@code cors_expose_headers}, comma-separated)
 */
public record ProxySettings(
        @DefaultValue("false") boolean allowAccountManagement,
        @DefaultValue("false") boolean accountAutocreate,
        @DefaultValue("0") int maxContainersPerAccount,
        @DefaultValue List<String> maxContainersWhitelist,
        @DefaultValue List<String> corsAllowOrigin,
        @DefaultValue("true") boolean strictCorsMode,
        @DefaultValue List<String> corsExposeHeaders) {

    /** Swift's defaults. */
    public static final ProxySettings DEFAULTS =
            new ProxySettings(false, false, 0, List.of(), List.of(), true, List.of());

    public ProxySettings {
        maxContainersWhitelist = List.copyOf(maxContainersWhitelist);
        corsAllowOrigin = stripped(corsAllowOrigin);
        corsExposeHeaders = stripped(corsExposeHeaders);
        if (maxContainersPerAccount < 0) {
            throw new IllegalArgumentException("max_containers_per_account: " + maxContainersPerAccount
                    + " (expected: >= 0)");
        }
    }

    // Swift's list options: comma-separated, each item stripped, empty items dropped.
    private static List<String> stripped(List<String> items) {
        return items.stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** Whether {@code account} is over its container limit at {@code containerCount} containers. */
    public boolean atContainerLimit(String account, long containerCount) {
        return maxContainersPerAccount > 0 && maxContainersPerAccount <= containerCount
                && !Set.copyOf(maxContainersWhitelist).contains(account);
    }
}
