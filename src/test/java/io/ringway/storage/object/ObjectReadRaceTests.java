package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import reactor.netty.http.client.HttpClient;

/**
 * A GET keeps the data file it read the metadata from: its body, written after a PUT or DELETE
 * replaced the object, is still the old object's, complete (Swift's DiskFile keeps its fd).
 */
class ObjectReadRaceTests {

    private static final String PATH = "/sda1/0/a/c/o";
    private static final int SIZE = 1 << 20;

    @TempDir
    Path devices;
    ObjectServerFixture fixture;
    ObjectServer reader;

    @BeforeEach
    void start() throws IOException {
        fixture = new ObjectServerFixture(devices);
        // A second server on the same devices, driven without a socket so the test decides
        // when the body is written.
        reader = new ObjectServer(fixture.deviceRoot, ObjectServerFixture.HASH_PATH,
                ObjectServerSettings.defaults().withFallocateReserve("0"), fixture.clock, HttpClient.create(),
                Set.of(0));
        assertThat(fixture.put(PATH, "old!".repeat(SIZE / 4)).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void bodyWrittenAfterAnOverwriteIsStillTheOldObject() throws IOException {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(PATH));
        ServerResponse response = headersOf(exchange);

        assertThat(fixture.put(PATH, "new!".repeat(SIZE / 4)).status()).isEqualTo(201);

        assertOldObject(bodyOf(exchange, response));
        assertThat(fixture.request("GET", PATH).text().substring(0, 4)).isEqualTo("new!");
    }

    @Test
    void bodyWrittenAfterADeleteIsStillTheOldObject() throws IOException {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(PATH));
        ServerResponse response = headersOf(exchange);

        assertThat(fixture.request("DELETE", PATH, "X-Timestamp", fixture.nextTimestamp()).status())
                .isEqualTo(204);
        assertThat(fixture.filesOf("a", "c", "o")).noneMatch(name -> name.endsWith(".data"));

        assertOldObject(bodyOf(exchange, response));
    }

    @Test
    void rangeWrittenAfterAnOverwriteIsStillTheOldObject() throws IOException {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get(PATH).header("Range", "bytes=4-7,-4"));
        ServerResponse response = headersOf(exchange);

        assertThat(fixture.put(PATH, "new").status()).isEqualTo(201);

        String body = bodyOf(exchange, response);
        assertThat(body).contains("\r\n\r\nold!\r\n").doesNotContain("new");
        assertThat(response.statusCode().value()).isEqualTo(206);
    }

    /** The whole old body; compared without printing a megabyte when it is not. */
    private static void assertOldObject(String body) {
        assertThat(body.length()).isEqualTo(SIZE);
        assertThat(body.replace("old!", "")).isEmpty();
    }

    private ServerResponse headersOf(MockServerWebExchange exchange) {
        ServerRequest request = ServerRequest.create(exchange, HandlerStrategies.withDefaults().messageReaders());
        ServerResponse response = reader.handle(request).block(Duration.ofSeconds(10));
        assertThat(response).isNotNull();
        return response;
    }

    private static String bodyOf(MockServerWebExchange exchange, ServerResponse response) {
        response.writeTo(exchange, new ServerResponse.Context() {
            @Override
            public java.util.List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                return HandlerStrategies.withDefaults().messageWriters();
            }

            @Override
            public java.util.List<ViewResolver> viewResolvers() {
                return java.util.List.of();
            }
        }).block(Duration.ofSeconds(10));
        return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(10));
    }
}
