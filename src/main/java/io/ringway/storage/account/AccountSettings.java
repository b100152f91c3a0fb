package io.ringway.storage.account;

/**
 * The {@code [swift-constraints]} and {@code [app:account-server]} options the account server
 * applies, under Swift's names.
 *
 * @param accountListingLimit {@code account_listing_limit}: default and maximum listing {@code limit} (10000)
 * @param maxMetaCount {@code max_meta_count}: user metadata items an account may hold (90)
 * @param maxMetaOverallSize {@code max_meta_overall_size}: bytes of user metadata names and values (4096)
 * @param autoCreateAccountPrefix {@code auto_create_account_prefix}: accounts created by their first
 *     container update (".")
 */
public record AccountSettings(int accountListingLimit, int maxMetaCount, int maxMetaOverallSize,
        String autoCreateAccountPrefix) {

    /** Swift's defaults. */
    public static AccountSettings defaults() {
        return new AccountSettings(10_000, 90, 4096, ".");
    }
}
