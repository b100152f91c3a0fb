package io.ringway.middleware.listingformats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths are listings: Swift's split_path(2, 3) with a valid API version. */
class ListingTargetTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v1/a | a | ''", "/v1/a/ | a | ''", "/v1/a/c | a | c", "/v1/a/c/ | a | c", "/v1.0/a/c | a | c",
        "/v1/AUTH_t%C3%A9st/c%20d | AUTH_t\u00e9st | c d", "/v1/a// | a | ''"})
    void findsTheAccountAndContainerOfListingPaths(String path, String account, String container) {
        assertThat(ListingTarget.of(path)).isEqualTo(new ListingTarget(account, container));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1", "/v1/", "/v1/a/c/o", "/v1/a/c//", "/v2/a/c", "/info", "/auth/v1.0", "//a/c",
        "/v1/a/c%2Fd", "/v1//c", "/v1//"})
    void leavesOtherPathsAlone(String path) {
        assertThat(ListingTarget.of(path)).isNull();
    }
}
