package io.ringway.middleware.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.Placement;
import io.ringway.middleware.copy.CopyHarness.Result;
import io.ringway.middleware.copy.FakeSwift.Call;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.SignalType;

/** The copy stage alone in front of a fake Swift: scenarios of Swift's {@code test_copy.py}. */
class CopyMiddlewareTests {

    private final CopyHarness harness = new CopyHarness();
    private final FakeSwift swift = harness.swift;

    @Test
    void isNamedCopyAndHasNoOptions() {
        CopyFactory factory = new CopyFactory();

        assertThat(factory.name()).isEqualTo("copy");
        assertThat(factory.configType().getRecordComponents()).isEmpty();
        assertThat(factory.placement()).isEqualTo(Placement.ANYWHERE);
    }

    @Test
    void passesContainerRequestsAndOtherObjectMethodsThrough() {
        assertThat(harness.run("PUT", "/v1/a/c", "X-Copy-From", "c/o").status()).isEqualTo(201);
        assertThat(harness.run("COPY", "/v1/a/c", "Destination", "c/o").status()).isEqualTo(204);
        for (String method : new String[] {"GET", "HEAD", "DELETE", "POST"}) {
            harness.run(method, "/v1/a/c/o", "Destination", "c/o2");
        }
        harness.run("PUT", "/v1/a/c/o2", "X-Copy-From", "");

        assertThat(swift.requests()).containsExactly("PUT /v1/a/c", "COPY /v1/a/c", "GET /v1/a/c/o", "HEAD /v1/a/c/o",
                "DELETE /v1/a/c/o", "POST /v1/a/c/o", "PUT /v1/a/c/o2");
        assertThat(swift.call(0).context().swiftSource()).isNull();
    }

    @Test
    void putWithXCopyFromReadsTheSourceAndStreamsItsBytesIntoTheDestination() {
        swift.object("/v1/a/c/o", "passed through in chunks");

        Result result = harness.run("PUT", "/v1/a/c/o2", "X-Copy-From", "c/o", "Content-Length", "0",
                "X-Auth-Token", "tk");

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.headers().getFirst("X-Copied-From")).isEqualTo("c/o");
        assertThat(result.headers().getFirst("X-Copied-From-Account")).isEqualTo("a");
        assertThat(result.headers().getFirst("X-Copied-From-Last-Modified")).isEqualTo(FakeSwift.LAST_MODIFIED);
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o", "PUT /v1/a/c/o2");
        Call get = swift.call(0);
        assertThat(get.headers().getFirst("X-Newest")).isEqualTo("true");
        assertThat(get.headers().getFirst("X-Auth-Token")).isEqualTo("tk");
        assertThat(get.headers().containsHeader("Content-Length")).isFalse();
        assertThat(get.context().swiftSource()).isEqualTo("SSC");
        Call put = swift.call(1);
        assertThat(put.headers().getContentLength()).isEqualTo(24);
        assertThat(put.headers().getFirst("Etag")).isEqualTo(FakeSwift.md5(bytes("passed through in chunks")));
        assertThat(put.headers().getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(put.headers().containsHeader("X-Copy-From")).isFalse();
        assertThat(new String(swift.objects.get("/v1/a/c/o2").body(), StandardCharsets.UTF_8))
                .isEqualTo("passed through in chunks");
        assertThat(swift.sourceEnds).containsExactly(SignalType.ON_COMPLETE);
    }

    @Test
    void copiesAcrossContainersAndAccounts() {
        swift.object("/v1/a1/c1/o/o1", "x");

        Result result = harness.run("PUT", "/v1/a2/c2/o2", "X-Copy-From", "/c1/o/o1", "X-Copy-From-Account", "a1");

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.headers().getFirst("X-Copied-From")).isEqualTo("c1/o/o1");
        assertThat(result.headers().getFirst("X-Copied-From-Account")).isEqualTo("a1");
        assertThat(swift.requests()).containsExactly("GET /v1/a1/c1/o/o1", "PUT /v1/a2/c2/o2");
        assertThat(swift.call(1).headers().containsHeader("X-Copy-From-Account")).isFalse();
    }

    @Test
    void unquotesTheSourceAndQuotesItInTheAnswer() {
        swift.object("/v1/a/c/o o2", "x");
        swift.object("/v1/a/c/\uD83C\uDF34", "y");

        Result spaced = harness.run("PUT", "/v1/a/c/o", "X-Copy-From", "c/o%20o2");
        Result unicode = harness.run("PUT", "/v1/a/c/o", "X-Copy-From", "c/%F0%9F%8C%B4");

        assertThat(spaced.headers().getFirst("X-Copied-From")).isEqualTo("c/o%20o2");
        assertThat(unicode.headers().getFirst("X-Copied-From")).isEqualTo("c/%F0%9F%8C%B4");
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o o2", "PUT /v1/a/c/o", "GET /v1/a/c/\uD83C\uDF34",
                "PUT /v1/a/c/o");
    }

    @Test
    void readsRawUtf8InCopyHeadersAsTheBytesSentLikeSwiftsWsgiStrings() {
        swift.object("/v1/\u00e9a/\u00e9c/\uD83C\uDF34", "y");
        // Netty hands header bytes on one char per byte: these are the UTF-8 bytes of "éa", "éc/🌴" and "éc/ö".
        String account = latin1("\u00e9a");
        String source = latin1("\u00e9c/\uD83C\uDF34");

        Result put = harness.run("PUT", "/v1/a/c/o", "X-Copy-From", source, "X-Copy-From-Account", account);
        Result copy = harness.run("COPY", "/v1/\u00e9a/\u00e9c/\uD83C\uDF34", "Destination", latin1("\u00e9c/\u00f6"));

        assertThat(put.status()).isEqualTo(201);
        assertThat(put.headers().getFirst("X-Copied-From")).isEqualTo("%C3%A9c/%F0%9F%8C%B4");
        assertThat(put.headers().getFirst("X-Copied-From-Account")).isEqualTo("%C3%A9a");
        assertThat(copy.status()).isEqualTo(201);
        assertThat(swift.requests()).containsExactly("GET /v1/\u00e9a/\u00e9c/\uD83C\uDF34", "PUT /v1/a/c/o",
                "GET /v1/\u00e9a/\u00e9c/\uD83C\uDF34", "PUT /v1/\u00e9a/\u00e9c/\u00f6");
    }

    @Test
    void copyBecomesAPutOfTheDestination() {
        swift.object("/v1/a/c/o", "copied");

        Result result = harness.run("COPY", "/v1/a/c/o", "Destination", "c2/o2", "X-Object-Meta-New", "yes");

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.headers().getFirst("X-Copied-From")).isEqualTo("c/o");
        assertThat(result.headers().getFirst("X-Copied-From-Account")).isEqualTo("a");
        assertThat(result.headers().getFirst("X-Object-Meta-New")).isEqualTo("yes");
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o", "PUT /v1/a/c2/o2");
        Call put = swift.call(1);
        assertThat(put.headers().containsHeader("Destination")).isFalse();
        assertThat(put.headers().containsHeader("X-Copy-From")).isFalse();
        assertThat(put.headers().getContentLength()).isEqualTo(6);
        assertThat(swift.objects.get("/v1/a/c2/o2").body()).isEqualTo(bytes("copied"));
        // The client's own request is still the COPY (what proxy_logging logs).
        assertThat(put.context().swiftSource()).isNull();
    }

    @Test
    void copyWithDestinationAccountWritesThere() {
        swift.object("/v1/a/c/o/with/slashes", "x");

        Result result = harness.run("COPY", "/v1/a/c/o/with/slashes", "Destination", "/c1/o1",
                "Destination-Account", "a1");

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.headers().getFirst("X-Copied-From")).isEqualTo("c/o/with/slashes");
        assertThat(result.headers().getFirst("X-Copied-From-Account")).isEqualTo("a");
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o/with/slashes", "PUT /v1/a1/c1/o1");
        assertThat(swift.call(1).headers().containsHeader("Destination-Account")).isFalse();
    }

    @Test
    void refusesABadDestinationWith412() {
        assertRefused(harness.run("COPY", "/v1/a/c/o"), 412, "Destination header required");
        assertRefused(harness.run("COPY", "/v1/a/c/o", "Destination", ""), 412, "Destination header required");
        assertRefused(harness.run("COPY", "/v1/a/c/o", "Destination", "bad_object"), 412,
                "Destination header must be of the form <container name>/<object name>");
        assertRefused(harness.run("COPY", "/v1/a/c/o", "Destination", "/c/"), 412,
                "Destination header must be of the form <container name>/<object name>");
        assertRefused(harness.run("COPY", "/v1/a/c/o", "Destination", "c/o", "Destination-Account", "/i/am/bad"),
                412, "Account name cannot contain slashes");
        assertRefused(harness.run("COPY", "/v1/a/c/o", "Destination", "c/o", "Destination-Account", ""), 412,
                "Account name cannot be empty");
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void refusesABadSourceWith412() {
        assertRefused(harness.run("PUT", "/v1/a/c/o", "X-Copy-From", "/c"), 412,
                "X-Copy-From header must be of the form <container name>/<object name>");
        assertRefused(harness.run("PUT", "/v1/a/c/o", "X-Copy-From", "/c/o", "X-Copy-From-Account", "/i/am/bad"),
                412, "Account name cannot contain slashes");
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void refusesACopyWithABodyWith400() {
        Result result = harness.run("PUT", "/v1/a2/c2/o2", "X-Copy-From", "c1/o1", "Content-Length", "10");

        assertRefused(result, 400, "Copy requests require a zero byte body");
        assertThat(result.headers().getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(swift.calls).isEmpty();
    }

    @Test
    void ignoresTheBodyOfACopyAsSwiftDoes() {
        swift.object("/v1/a/c/o", "x");

        assertThat(harness.run("COPY", "/v1/a/c/o", "Destination", "c/o2", "Content-Length", "5").status())
                .isEqualTo(201);
    }

    @Test
    void passesASourceErrorAnswerOnWithItsBody() {
        Result result = harness.run("PUT", "/v1/a1/c1/o", "X-Copy-From", "/c/o", "X-Copy-From-Account", "a");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        assertThat(result.headers().containsHeader("X-Copied-From")).isFalse();
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o");
        assertThat(swift.sourceEnds).containsExactly(SignalType.ON_COMPLETE);
    }

    @Test
    void passesASourceErrorRaisedFurtherInOn() {
        swift.failures.put("GET /v1/a/c/o", 503);

        Result result = harness.run("COPY", "/v1/a/c/o", "Destination", "c/o2");

        assertThat(result.status()).isEqualTo(503);
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o");
    }

    @Test
    void refusesASourceLargerThanMaxFileSizeWith413AndClosesIt() {
        swift.object("/v1/a/c/o", new byte[(int) CopyHarness.MAX_FILE_SIZE + 1]);

        Result result = harness.run("PUT", "/v1/a/c/o2", "X-Copy-From", "c/o");

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.body()).isEqualTo("<html><h1>Request Entity Too Large</h1><p>The body of your request was too"
                + " large for this server.</p></html>");
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o");
        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void copiesASourceOfExactlyMaxFileSize() {
        swift.object("/v1/a/c/o", new byte[(int) CopyHarness.MAX_FILE_SIZE]);

        assertThat(harness.run("PUT", "/v1/a/c/o2", "X-Copy-From", "c/o").status()).isEqualTo(201);
        assertThat(swift.objects.get("/v1/a/c/o2").body()).hasSize((int) CopyHarness.MAX_FILE_SIZE);
    }

    @Test
    void refusesASourceWithoutLengthWith413() {
        swift.object("/v1/a/c/o", "chunked");
        swift.withoutLength = true;

        assertThat(harness.run("COPY", "/v1/a/c/o", "Destination", "c/o").status()).isEqualTo(413);
        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void closesTheSourceWhenTheDestinationRefusesBeforeReading() {
        swift.object("/v1/a/c/o", "never read");
        swift.putRefusal = 404;

        Result result = harness.run("PUT", "/v1/a/nocontainer/o2", "X-Copy-From", "c/o");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.headers().containsHeader("X-Copied-From")).isFalse();
        assertThat(swift.sourceEnds).containsExactly(SignalType.CANCEL);
    }

    @Test
    void reportsADestinationFailureAfterItReadTheSource() {
        swift.object("/v1/a/c/o", "read then failed");
        swift.putFailsAfterReading = true;

        Result result = harness.run("PUT", "/v1/a/c/o2", "X-Copy-From", "c/o");

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.headers().containsHeader("X-Copied-From")).isFalse();
        assertThat(swift.sourceEnds).containsExactly(SignalType.ON_COMPLETE);
    }

    @Test
    void addsCopyToTheMethodsAnObjectAllows() {
        Result object = harness.run("OPTIONS", "/v1/a/c/o");
        Result container = harness.run("OPTIONS", "/v1/a/c");

        assertThat(object.headers().getFirst("Allow")).isEqualTo("HEAD, GET, PUT, POST, OPTIONS, DELETE, COPY");
        assertThat(container.headers().getFirst("Allow")).isEqualTo("HEAD, GET, PUT, POST, OPTIONS, DELETE");
    }

    private static void assertRefused(Result result, int status, String body) {
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.body()).isEqualTo(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
