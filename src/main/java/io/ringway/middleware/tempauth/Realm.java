package io.ringway.middleware.tempauth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * The users and reseller prefixes of one tempauth stage: which accounts it is the auth for,
 * what groups a user has, and which group each prefix requires of an owner.
 */
final class Realm {

    private final List<String> prefixes;
    private final Map<String, String> requireGroups;
    private final Map<String, Entry> users;

    Realm(TempAuthConfig config) {
        this.prefixes = prefixes(config.resellerPrefix());
        this.requireGroups = new HashMap<>();
        for (String prefix : prefixes) {
            requireGroups.put(prefix, config.requireGroup());
        }
        config.prefixRequireGroup().forEach((prefix, group) -> {
            String normalized = normalize(prefix);
            if (!prefixes.contains(normalized)) {
                throw new IllegalArgumentException("prefixRequireGroup: " + prefix + " (expected: one of "
                        + config.resellerPrefix() + ")");
            }
            requireGroups.put(normalized, group.strip());
        });
        this.users = new LinkedHashMap<>();
        for (TempAuthConfig.User user : config.users()) {
            String url = user.storageUrl() != null
                    ? user.storageUrl()
                    : "$HOST/v1/" + prefixes.get(0) + UriUtils.encodePathSegment(user.account(), StandardCharsets.UTF_8);
            users.put(user.account() + ":" + user.user(), new Entry(user.key(), url, user.groups()));
        }
    }

    /** The first reseller prefix: it starts tokens and default storage URLs. */
    String tokenPrefix() {
        return prefixes.get(0);
    }

    List<String> prefixes() {
        return prefixes;
    }

    /** Swift's {@code _get_account_prefix}: the prefix of an account this realm owns, or null. */
    @Nullable String accountPrefix(String account) {
        for (String prefix : prefixes) {
            if (!prefix.isEmpty() && account.startsWith(prefix)) {
                return prefix;
            }
        }
        return prefixes.contains("") ? "" : null;
    }

    /** Whether the account's name starts with a dot after its prefix (reserved accounts). */
    boolean dotAccount(String account) {
        String prefix = accountPrefix(account);
        return prefix != null && account.length() > prefix.length() && account.charAt(prefix.length()) == '.';
    }

    /** The group an account admin also needs to own accounts of this prefix ("" for none). */
    String requireGroup(String prefix) {
        return requireGroups.getOrDefault(prefix, "");
    }

    @Nullable Entry user(String accountUser) {
        return users.get(accountUser);
    }

    /**
     * Swift's {@code _get_user_groups}: the account, {@code account:user}, the configured groups;
     * {@code .admin} is replaced by the account under every non-empty prefix and the user's own
     * storage account.
     */
    List<String> groups(String account, String accountUser, String accountId) {
        Entry entry = users.get(accountUser);
        List<String> groups = new ArrayList<>();
        groups.add(account);
        groups.add(accountUser);
        if (entry != null) {
            groups.addAll(entry.groups());
        }
        if (groups.remove(".admin")) {
            for (String prefix : prefixes) {
                if (!prefix.isEmpty()) {
                    groups.add(prefix + account);
                }
            }
            if (!groups.contains(accountId)) {
                groups.add(accountId);
            }
        }
        return groups;
    }

    // Swift's config_read_reseller_options: split, trim, '' for the empty prefix, add '_'.
    private static List<String> prefixes(List<String> configured) {
        List<String> prefixes = new ArrayList<>();
        for (String raw : configured) {
            for (String part : raw.split(",", -1)) {
                String trimmed = part.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String prefix = normalize(trimmed);
                if (!prefixes.contains(prefix)) {
                    prefixes.add(prefix);
                }
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add("");
        }
        return List.copyOf(prefixes);
    }

    private static String normalize(String prefix) {
        String trimmed = prefix.strip();
        if (trimmed.equals("''")) {
            return "";
        }
        return trimmed.isEmpty() || trimmed.endsWith("_") ? trimmed : trimmed + "_";
    }

    /** A configured user: key, storage URL (with {@code $HOST}) and groups. */
    record Entry(String key, String url, List<String> groups) {

        /** The storage account, the last segment of the URL ({@code AUTH_test}). */
        String accountId() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }
}
