package io.ringway.middleware.tempauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the {@code tempauth} stage, bound from {@code ringway.middleware.tempauth}; named
 * after Swift's {@code [filter:tempauth]} options. Absent values take the defaults of Swift's
 * sample proxy configuration (SAIO), so that Swift's tutorials and functional tests work out of
 * the box; operators must replace the users.
 *
 * @param resellerPrefix {@code reseller_prefix}: account prefixes this stage is the auth for
 *     (an underscore is appended when missing, {@code ''} means no prefix); the first one prefixes
 *     tokens and storage URLs. Default {@code [AUTH, SERVICE]}
 * @param requireGroup {@code require_group}: a group that the groups of a request (user and
 *     service token together) must contain for an account admin to be the owner; default none
 * @param prefixRequireGroup {@code <PREFIX>_require_group}, per reseller prefix; default
 *     {@code {SERVICE: service}} so that {@code SERVICE_} accounts need an {@code X-Service-Token}
 * @param authPrefix {@code auth_prefix}: where tokens are handed out; default {@code /auth/}
 * @param tokenLife {@code token_life}: how long a token lives; default 86400 s. Write it with a unit
 *     ({@code 86400s}, {@code 24h}): Spring reads a bare number as milliseconds, not Swift's seconds
 * @param allowOverrides {@code allow_overrides}: let requests through that an earlier stage
 *     authorized (tempurl, formpost); default true
 * @param storageUrlScheme {@code storage_url_scheme}: {@code default} (the request's), {@code http}
 *     or {@code https}, for {@code X-Storage-Url}
 * @param users {@code user_<account>_<user> = <key> [group...] [storage_url]}
 * @param tokenSecret the HMAC key signing tokens; every replica must share it. When unset, a
 *     random one is made at start and tokens die with the process
 */
public record TempAuthConfig(
        List<String> resellerPrefix,
        String requireGroup,
        Map<String, String> prefixRequireGroup,
        String authPrefix,
        Duration tokenLife,
        Boolean allowOverrides,
        String storageUrlScheme,
        List<User> users,
        @Nullable String tokenSecret) {

    /** The users of Swift's sample proxy configuration. */
    public static final List<User> SAMPLE_USERS = List.of(
            new User("admin", "admin", "admin", List.of(".admin", ".reseller_admin"), null),
            new User("test", "tester", "testing", List.of(".admin"), null),
            new User("test2", "tester2", "testing2", List.of(".admin"), null),
            new User("test", "tester3", "testing3", List.of(), null),
            new User("test5", "tester5", "testing5", List.of("service"), null));

    public TempAuthConfig {
        resellerPrefix = resellerPrefix == null ? List.of("AUTH", "SERVICE") : List.copyOf(resellerPrefix);
        requireGroup = requireGroup == null ? "" : requireGroup;
        prefixRequireGroup = prefixRequireGroup == null ? Map.of("SERVICE", "service") : Map.copyOf(prefixRequireGroup);
        authPrefix = authPrefix == null ? "/auth/" : authPrefix;
        tokenLife = tokenLife == null ? Duration.ofSeconds(86400) : tokenLife;
        allowOverrides = allowOverrides == null || allowOverrides;
        storageUrlScheme = storageUrlScheme == null ? "default" : storageUrlScheme;
        users = users == null ? SAMPLE_USERS : List.copyOf(users);
        if (tokenLife.toSeconds() < 1) {
            throw new IllegalArgumentException("tokenLife: " + tokenLife + " (expected: at least 1s)");
        }
        if (!List.of("default", "http", "https").contains(storageUrlScheme)) {
            throw new IllegalArgumentException("storageUrlScheme: " + storageUrlScheme
                    + " (expected: default, http or https)");
        }
    }

    /** All defaults. */
    public static TempAuthConfig defaults() {
        return new TempAuthConfig(null, null, null, null, null, null, null, null, null);
    }

    /** A copy with these users. */
    public TempAuthConfig withUsers(List<User> newUsers) {
        return new TempAuthConfig(resellerPrefix, requireGroup, prefixRequireGroup, authPrefix, tokenLife,
                allowOverrides, storageUrlScheme, newUsers, tokenSecret);
    }

    /** A copy with this signing secret. */
    public TempAuthConfig withTokenSecret(String secret) {
        return new TempAuthConfig(resellerPrefix, requireGroup, prefixRequireGroup, authPrefix, tokenLife,
                allowOverrides, storageUrlScheme, users, secret);
    }

    // The secret must not show in the pipeline log or at /recon/pipeline.
    @Override
    public String toString() {
        return "TempAuthConfig[resellerPrefix=" + resellerPrefix + ", requireGroup=" + requireGroup
                + ", prefixRequireGroup=" + prefixRequireGroup + ", authPrefix=" + authPrefix + ", tokenLife="
                + tokenLife + ", allowOverrides=" + allowOverrides + ", storageUrlScheme=" + storageUrlScheme
                + ", users=" + users + ", tokenSecret=" + (tokenSecret == null ? "(random)" : "(set)") + "]";
    }

    /**
     * A user: Swift's {@code user_<account>_<user> = <key> [group...] [storage_url]}.
     *
     * @param account the account name without reseller prefix ({@code test})
     * @param user the user name ({@code tester})
     * @param key the password
     * @param groups extra groups: {@code .admin} (owner of the account), {@code .reseller_admin}
     *     (owner of all accounts), or any name ACLs may grant to
     * @param storageUrl the {@code X-Storage-Url} to hand out, where {@code $HOST} is the
     *     request's scheme and host; default {@code $HOST/v1/<first prefix><account>}
     */
    public record User(String account, String user, String key, List<String> groups, @Nullable String storageUrl) {

        public User {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(key, "key");
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        // Keys must not show in logs.
        @Override
        public String toString() {
            return account + ":" + user + groups;
        }
    }
}
