package io.ringway.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Query strings, limits and listing content types, as Swift's request helpers and swob read them. */
final class RequestParsingTests {

    @Test
    void decodesQueryValuesAsParseQsl() {
        QueryParams params = QueryParams.parse("prefix=a+b%2Fc&marker=&delimiter=%2F&prefix=second&flag");
        assertThat(params.get("prefix")).isEqualTo("second");
        assertThat(params.get("marker")).isEmpty();
        assertThat(params.get("delimiter")).isEqualTo("/");
        assertThat(params.get("flag")).isEmpty();
        assertThat(params.get("absent")).isNull();
        assertThat(QueryParams.parse("p=%C3%A9").get("p")).isEqualTo("é");
    }

    @Test
    void refusesValuesThatAreNotUtf8OnlyWhenRead() {
        QueryParams params = QueryParams.parse("end_marker=%FF&ok=1");
        assertThat(params.get("ok")).isEqualTo("1");
        assertThatThrownBy(() -> params.get("end_marker")).isInstanceOfSatisfying(BackendHttpException.class,
                e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("\"end_marker\" parameter not valid UTF-8");
    }

    @Test
    void ignoresNonNumericLimitsAndRefusesLargeOnes() {
        assertThat(SwiftRequests.limit(QueryParams.parse("limit=abc"), 10000)).isEqualTo(10000);
        assertThat(SwiftRequests.limit(QueryParams.parse("limit=-1"), 10000)).isEqualTo(10000);
        assertThat(SwiftRequests.limit(QueryParams.parse("limit=0"), 10000)).isZero();
        assertThat(SwiftRequests.limit(QueryParams.parse("limit=10000"), 10000)).isEqualTo(10000);
        assertThatThrownBy(() -> SwiftRequests.limit(QueryParams.parse("limit=99999999999999"), 10000))
                .hasMessageContaining("Maximum limit is 10000");
    }

    @Test
    void picksTheListingContentTypeAsSwob() {
        assertThat(negotiate("", null)).isEqualTo("text/plain");
        assertThat(negotiate("format=json", "application/xml")).isEqualTo("application/json");
        assertThat(negotiate("format=XML", null)).isEqualTo("application/xml");
        assertThat(negotiate("format=nonsense", null)).isEqualTo("text/plain");
        assertThat(negotiate("", "application/json")).isEqualTo("application/json");
        assertThat(negotiate("", "text/*")).isEqualTo("text/plain");
        assertThat(negotiate("", "*/*")).isEqualTo("text/plain");
        assertThat(negotiate("", "text/xml;q=0.9, application/json;q=0.5")).isEqualTo("text/xml");
        assertThat(negotiate("", "application/*;q=0.9, text/xml")).isEqualTo("text/xml");
        assertThat(negotiate("", "application/*, text/xml")).isEqualTo("text/xml");
        assertThatThrownBy(() -> negotiate("", "image/png")).hasMessageStartingWith("406");
        assertThatThrownBy(() -> negotiate("", "bogus")).hasMessageContaining("Invalid Accept header");
        assertThatThrownBy(() -> negotiate("", "text/plain;q=1;q=2")).hasMessageContaining("Invalid Accept header");
    }

    @Test
    void readsConfigTrueValues() {
        assertThat(SwiftRequests.isTrue("On")).isTrue();
        assertThat(SwiftRequests.isTrue("t")).isTrue();
        assertThat(SwiftRequests.isTrue("no")).isFalse();
        assertThat(SwiftRequests.isTrue(null)).isFalse();
    }

    @Test
    void namesMetadataHeadersAsWsgiDoes() {
        assertThat(MetadataHeaders.wsgiName("x-container-meta-foo1bar")).isEqualTo("X-Container-Meta-Foo1Bar");
        assertThat(MetadataHeaders.wsgiName("X-ACCOUNT-META-a_b")).isEqualTo("X-Account-Meta-A-B");
    }

    private static String negotiate(String query, String accept) {
        return ListingContentType.negotiate(QueryParams.parse(query), accept);
    }
}
