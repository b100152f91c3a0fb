package io.ringway.middleware.listingformats;

import static io.ringway.middleware.listingformats.ListingExchange.jsonListing;
import static io.ringway.middleware.listingformats.ListingExchange.run;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_JSON;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_PATH;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_TEXT;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_XML;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_JSON;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_PATH;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_TEXT;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_XML;
import static io.ringway.middleware.listingformats.ListingSamples.EMPTY_ACCOUNT_XML;
import static io.ringway.middleware.listingformats.ListingSamples.EMPTY_CONTAINER_XML;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.listingformats.ListingExchange.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * listing_formats alone, built through its factory, converting canned JSON listings for every
 * way a client names a format; expected bytes are Swift 2.30.1's ({@link ListingSamples}).
 */
class ListingFormatsMiddlewareTests {

    static Stream<Arguments> formats() {
        String plain = "text/plain; charset=utf-8";
        String json = "application/json; charset=utf-8";
        String xml = "application/xml; charset=utf-8";
        String textXml = "text/xml; charset=utf-8";
        return Stream.of(
                Arguments.of("", null, plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("format=plain", null, plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("format=PLAIN", "application/json", plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("format=bogus", "application/xml", plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("format=json", null, json, ACCOUNT_JSON, CONTAINER_JSON),
                Arguments.of("format=Json", "text/xml", json, ACCOUNT_JSON, CONTAINER_JSON),
                Arguments.of("format=xml", null, xml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("format=", "application/xml", xml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("", "text/plain", plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("", "application/json", json, ACCOUNT_JSON, CONTAINER_JSON),
                Arguments.of("", "application/xml", xml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("", "text/xml", textXml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("", "*/*", plain, ACCOUNT_TEXT, CONTAINER_TEXT),
                Arguments.of("", "application/*", json, ACCOUNT_JSON, CONTAINER_JSON),
                Arguments.of("", "text/*;q=0.9, application/xml", xml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("", "application/json;q=0.2, text/xml;q=0.5", textXml, ACCOUNT_XML, CONTAINER_XML),
                Arguments.of("", "image/png, application/json", json, ACCOUNT_JSON, CONTAINER_JSON),
                Arguments.of("", "", plain, ACCOUNT_TEXT, CONTAINER_TEXT));
    }

    @ParameterizedTest(name = "?{0} Accept: {1}")
    @MethodSource("formats")
    void convertsAnAccountListingAsSwiftDoes(String query, String accept, String type, String account,
            String container) {
        Result result = run(get(ACCOUNT_PATH, query, accept), jsonListing(ACCOUNT_JSON));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).isEqualTo(account);
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo(type);
        assertThat(result.headers().getContentLength()).isEqualTo(account.getBytes(StandardCharsets.UTF_8).length);
        assertThat(result.forwardedQuery()).isEqualTo("format=json");
        assertThat(result.headers().get("Vary")).isEqualTo(query.isEmpty() ? List.of("Accept") : null);
    }

    @ParameterizedTest(name = "?{0} Accept: {1}")
    @MethodSource("formats")
    void convertsAContainerListingAsSwiftDoes(String query, String accept, String type, String account,
            String container) {
        Result result = run(get(CONTAINER_PATH, query, accept), jsonListing(CONTAINER_JSON));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).isEqualTo(container);
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo(type);
        assertThat(result.headers().getContentLength()).isEqualTo(container.getBytes(StandardCharsets.UTF_8).length);
        assertThat(result.forwardedQuery()).isEqualTo("format=json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyListings")
    void rendersEmptyListingsAsSwiftDoesWith204ForPlainText(String path, String query, int status, String body) {
        Result result = run(get(path, query, null), jsonListing("[]"));

        assertThat(result.status()).isEqualTo(status);
        assertThat(result.text()).isEqualTo(body);
        assertThat(result.headers().getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
    }

    static Stream<Arguments> emptyListings() {
        return Stream.of(
                Arguments.of(ACCOUNT_PATH, "", 204, ""),
                Arguments.of(CONTAINER_PATH, "format=plain", 204, ""),
                Arguments.of(ACCOUNT_PATH, "format=json", 200, "[]"),
                Arguments.of(ACCOUNT_PATH, "format=xml", 200, EMPTY_ACCOUNT_XML),
                Arguments.of(CONTAINER_PATH, "format=xml", 200, EMPTY_CONTAINER_XML),
                // A trailing slash leaves an empty container name: Swift renders an account document.
                Arguments.of(ACCOUNT_PATH + "/", "format=xml", 200, EMPTY_ACCOUNT_XML));
    }

    static MockServerHttpRequest.BaseBuilder<?> get(String path, String query, String accept) {
        MockServerHttpRequest.BaseBuilder<?> request = ListingExchange.raw(HttpMethod.GET,
                query.isEmpty() ? path : path + "?" + query);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request;
    }
}
