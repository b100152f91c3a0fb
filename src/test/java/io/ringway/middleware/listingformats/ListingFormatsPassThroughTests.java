package io.ringway.middleware.listingformats;

import static io.ringway.middleware.listingformats.ListingExchange.jsonListing;
import static io.ringway.middleware.listingformats.ListingExchange.raw;
import static io.ringway.middleware.listingformats.ListingExchange.run;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.RecordingChain;
import io.ringway.middleware.StageTesting;
import io.ringway.middleware.listingformats.ListingExchange.Canned;
import io.ringway.middleware.listingformats.ListingExchange.Result;
import io.ringway.swift.SwiftStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** listing_formats refusing requests as Swift does, and leaving alone what is not its business. */
class ListingFormatsPassThroughTests {

    private static final String JSON = "application/json; charset=utf-8";

    @Test
    void isNamedListingFormatsAndReadsAtMostSwiftsListingLength() {
        ListingFormatsFactory factory = new ListingFormatsFactory();

        assertThat(factory.name()).isEqualTo("listing_formats");
        assertThat(StageTesting.configs(Map.of()).bind(factory.name(), factory.configType())
                .maxListingLength().toBytes()).isEqualTo(1024 * 10000 * 2);
    }

    @Test
    void answers406WithoutGoingFurtherWhenNoListingTypeIsAcceptable() {
        Result result = run(MockServerHttpRequest.get("/v1/a/c").header("Accept", "image/png"), jsonListing("[]"));

        assertThat(result.chain().calls()).isEmpty();
        assertThat(result.status()).isEqualTo(406);
        assertThat(result.text()).isEqualTo(SwiftStatus.defaultBody(406));
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo("text/html; charset=UTF-8");
    }

    @Test
    void answers400ForAnAcceptHeaderSwobRefuses() {
        Result result = run(MockServerHttpRequest.get("/v1/a").header("Accept", "application/json;q"), jsonListing("[]"));

        assertThat(result.chain().calls()).isEmpty();
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text()).isEqualTo("Invalid Accept header");
    }

    @Test
    void answers400ForAFormatThatIsNotUtf8() {
        Result result = run(raw(HttpMethod.GET, "/v1/a/c?format=%FF"), jsonListing("[]"));

        assertThat(result.chain().calls()).isEmpty();
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text()).isEqualTo("\"format\" parameter not valid UTF-8");
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void asksForJsonKeepingTheOtherParameters() {
        Result result = run(raw(HttpMethod.GET, "/v1/a/c?prefix=p%2F&format=xml&limit=2&format=plain"),
                jsonListing("[]"));

        assertThat(result.forwardedQuery()).isEqualTo("prefix=p%2F&limit=2&format=json");
    }

    @Test
    void headTakesTheListingTypeAndDropsTheLengthItCannotKnow() {
        Result result = run(MockServerHttpRequest.head("/v1/a/c?format=xml"), new Canned(204, JSON, "", true));

        assertThat(result.status()).isEqualTo(204);
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(result.headers().getFirst("Content-Length")).isNull();
        assertThat(result.forwardedQuery()).isEqualTo("format=json");
    }

    @Test
    void passesObjectRequestsAndOtherPathsUntouched() {
        for (String path : List.of("/v1/a/c/o?format=xml", "/info?format=xml", "/v2/a/c?format=xml", "/v1?format=xml")) {
            Result result = run(MockServerHttpRequest.get(path), jsonListing(ACCOUNT_JSON));

            assertThat(result.forwardedQuery()).isEqualTo("format=xml");
            assertThat(result.text()).isEqualTo(ACCOUNT_JSON);
            assertThat(result.headers().getFirst("Content-Type")).isEqualTo(JSON);
        }
    }

    @Test
    void passesOtherMethodsUntouched() {
        Result result = run(MockServerHttpRequest.post("/v1/a/c").header("Accept", "image/png"),
                new Canned(204, "text/html; charset=UTF-8", "", true));

        assertThat(result.status()).isEqualTo(204);
        assertThat(result.forwardedQuery()).isNull();
        assertThat(result.chain().calls()).hasSize(1);
    }

    @Test
    void passesErrorsUntouchedWithoutVary() {
        Result result = run(MockServerHttpRequest.get("/v1/a/c"), new Canned(404, JSON, "[]", true));

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.text()).isEqualTo("[]");
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo(JSON);
        assertThat(result.headers().getFirst("Vary")).isNull();
    }

    @Test
    void passesOtherContentTypesWithVaryAccept() {
        Result result = run(MockServerHttpRequest.get("/v1/a/c"), new Canned(200, "text/html", "<p>index</p>", true));

        assertThat(result.text()).isEqualTo("<p>index</p>");
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo("text/html");
        assertThat(result.headers().get("Vary")).containsExactly("Accept");
    }

    @Test
    void passesListingsWithoutALengthOrOverTheLimit() {
        Result unknown = run(MockServerHttpRequest.get("/v1/a"), new Canned(200, JSON, ACCOUNT_JSON, false));
        Result large = run(MockServerHttpRequest.get("/v1/a"), jsonListing(ACCOUNT_JSON),
                Map.of("ringway.middleware.listing_formats.max_listing_length", "64B"));

        assertThat(unknown.text()).isEqualTo(ACCOUNT_JSON);
        assertThat(unknown.headers().getFirst("Content-Type")).isEqualTo(JSON);
        assertThat(large.text()).isEqualTo(ACCOUNT_JSON);
        assertThat(large.headers().getFirst("Content-Type")).isEqualTo(JSON);
    }

    @Test
    void passesBodiesThatAreNotListingsAsTheyCame() {
        for (String body : List.of("{\"a\": 1}", "[1, 2]", "not json", "[] []", "[{\"bytes\": 1}]")) {
            Result result = run(MockServerHttpRequest.get("/v1/a/c?format=plain"), jsonListing(body));

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.text()).isEqualTo(body);
            assertThat(result.headers().getFirst("Content-Type")).isEqualTo(JSON);
            assertThat(result.headers().getContentLength()).isEqualTo(body.length());
        }
    }

    @Test
    void passesAnXmlListingLackingAFieldAsItCame() {
        String body = "[{\"name\": \"o\", \"bytes\": 1}]";

        Result result = run(MockServerHttpRequest.get("/v1/a/c?format=xml"), jsonListing(body));

        assertThat(result.text()).isEqualTo(body);
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo(JSON);
    }

    @Test
    void addsAcceptToAnExistingVaryOnce() {
        Result added = run(MockServerHttpRequest.get("/v1/a"), varying("Origin"));
        Result kept = run(MockServerHttpRequest.get("/v1/a"), varying("origin, ACCEPT"));

        assertThat(added.headers().get("Vary")).containsExactly("Origin, Accept");
        assertThat(kept.headers().get("Vary")).containsExactly("origin, ACCEPT");
    }

    @Test
    void convertsAListingWrittenWithFlushes() {
        Middleware stage = StageTesting.create(new ListingFormatsFactory(), Map.of());
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/a?format=plain"));
        RecordingChain chain = RecordingChain.answering(forwarded -> {
            ServerHttpResponse response = forwarded.getResponse();
            response.getHeaders().set("Content-Type", JSON);
            response.getHeaders().setContentLength(ACCOUNT_JSON.length());
            DataBufferFactory buffers = response.bufferFactory();
            String half = ACCOUNT_JSON.substring(0, 40);
            return response.writeAndFlushWith(Flux.just(
                    Flux.just(buffers.wrap(half.getBytes(StandardCharsets.US_ASCII))),
                    Flux.just(buffers.wrap(ACCOUNT_JSON.substring(40).getBytes(StandardCharsets.US_ASCII)))));
        });

        StepVerifier.create(stage.handle(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo(ListingSamples.ACCOUNT_TEXT);
    }

    private static Canned varying(String vary) {
        return new Canned(200, JSON, "[]", true, Map.of("Vary", vary));
    }

    @Test
    void dropsNamesWithTheReservedByteUnlessTheRequestMaySeeThem() {
        String body = "[{\"subdir\": \"\\u0000v/\"}, {\"name\": \"a\", \"count\": 0, \"bytes\": 0, "
                + "\"last_modified\": \"x\"}, {\"name\": \"b\\u0000\"}]";

        Result client = run(MockServerHttpRequest.get("/v1/a"), jsonListing(body));
        Result internal = run(MockServerHttpRequest.get("/v1/a")
                .header("X-Backend-Allow-Reserved-Names", "True"), jsonListing(body));

        assertThat(client.text()).isEqualTo("a\n");
        assertThat(internal.text()).isEqualTo("\u0000v/\na\nb\u0000\n");
    }
}
