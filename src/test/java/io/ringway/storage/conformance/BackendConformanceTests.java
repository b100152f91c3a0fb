package io.ringway.storage.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.storage.node.ServerType;
import io.ringway.testing.http.FakeHttpServer;
import io.ringway.testing.http.RawRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

final class BackendConformanceTests {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: \"e1\"\r\n"
            + "X-Object-Meta-Color: blue\r\nContent-Length: 5\r\n\r\nhello";

    @Test
    void reportsNothingWhenBothSidesAnswerAlike() throws IOException {
        try (FakeHttpServer real = new FakeHttpServer(r -> OK); FakeHttpServer peer = new FakeHttpServer(r -> OK)) {
            List<BackendConformance.Difference> report = sequence().compare(side("real", real, "d1"), side("ringway", peer, "d1"));

            assertThat(report).isEmpty();
        }
    }

    @Test
    void reportsEveryDifferingStatusHeaderAndBodyOfASequence() throws IOException {
        String other = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"e1\"\r\nContent-Length: 5\r\n\r\nHELLO";
        try (FakeHttpServer real = new FakeHttpServer(r -> OK);
                FakeHttpServer peer = new FakeHttpServer(r -> other)) {
            BackendConformance sequence = sequence();

            assertThatThrownBy(() -> sequence.run(side("real", real, "d1"), side("ringway", peer, "d1")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sequence 'two GETs': 8 difference(s)")
                    .hasMessageContaining("header names                 only real=[x-object-meta-color]  only ringway=[]")
                    .hasMessageContaining("step 1 'GET': GET /d1/0/AUTH_rw")
                    .hasMessageContaining("step 2 'GET again'")
                    .hasMessageContaining("Content-Type                 real=\"text/plain\"  ringway=\"text/html\"")
                    .hasMessageContaining("X-Object-Meta-Color          real=\"blue\"  ringway=<absent>")
                    .hasMessageContaining("real: \"hello\"")
                    .hasMessageContaining("ringway: \"HELLO\"");
        }
    }

    @Test
    void reportsARealAnswerThatContradictsTheStepsExpectation() throws IOException {
        try (FakeHttpServer real = new FakeHttpServer(r -> OK); FakeHttpServer peer = new FakeHttpServer(r -> OK)) {
            List<BackendConformance.Difference> report = BackendConformance.sequence("expectations")
                    .step("GET", RawRequest.of("GET", "/{dev}/0/{a}/c/o"), 404)
                    .expectHeader("ETag", "\"e2\"")
                    .compare(side("real", real, "d1"), side("ringway", peer, "d1"));

            assertThat(report).anySatisfy(d -> assertThat(d.text()).contains("expected=404  real=200"))
                    .anySatisfy(d -> assertThat(d.text()).contains("expected=\"\"e2\"\"  real=\"\"e1\"\""))
                    .allSatisfy(d -> assertThat(d.step()).isEqualTo(1));
        }
    }

    @Test
    void givesEachSideItsDeviceAndBothTheSameAccountAndTimestamps() throws IOException {
        try (FakeHttpServer real = new FakeHttpServer(r -> OK); FakeHttpServer peer = new FakeHttpServer(r -> OK)) {
            BackendConformance.sequence("placeholders")
                    .step("PUT", RawRequest.of("PUT", "/{dev}/0/{a}/c/o").header("X-Timestamp", "{t3}"), 200)
                    .run(side("real", real, "d1"), side("peer", peer, "d2"));

            String realLine = real.received().get(0).requestLine();
            String peerLine = peer.received().get(0).requestLine();
            assertThat(realLine).startsWith("PUT /d1/0/AUTH_rw");
            assertThat(peerLine).isEqualTo(realLine.replace("/d1/", "/d2/"));
            assertThat(real.received().get(0).head()).isEqualTo(peer.received().get(0).head()
                    .replace("/d2/", "/d1/"));
        }
    }

    @Test
    void ignoresTheRandomBoundaryOfMultipartAnswers() throws IOException {
        try (FakeHttpServer real = new FakeHttpServer(multipart("aaaa"));
                FakeHttpServer peer = new FakeHttpServer(multipart("bbbbbbbb"))) {
            List<BackendConformance.Difference> report = BackendConformance.sequence("multi-range")
                    .step("GET", RawRequest.of("GET", "/{dev}/0/{a}/c/o"), 206, "Content-Type", "Content-Length")
                    .multipart()
                    .compare(side("real", real, "d1"), side("ringway", peer, "d1"));

            assertThat(report).isEmpty();
        }
    }

    @Test
    void comparesWallClockHeadersForPresenceOnly() throws IOException {
        Function<FakeHttpServer.Received, String> clock1 = r -> "HTTP/1.1 204 No Content\r\nX-Timestamp: 1.0\r\n\r\n";
        Function<FakeHttpServer.Received, String> clock2 = r -> "HTTP/1.1 204 No Content\r\nX-Timestamp: 2.0\r\n\r\n";
        Function<FakeHttpServer.Received, String> none = r -> "HTTP/1.1 204 No Content\r\n\r\n";
        try (FakeHttpServer real = new FakeHttpServer(clock1); FakeHttpServer same = new FakeHttpServer(clock2);
                FakeHttpServer missing = new FakeHttpServer(none)) {
            BackendConformance sequence = BackendConformance.sequence("presence")
                    .step("HEAD", RawRequest.of("HEAD", "/{dev}/0/{a}/c"), 204, "?X-Timestamp");

            assertThat(sequence.compare(side("real", real, "d1"), side("ringway", same, "d1"))).isEmpty();
            assertThat(sequence.compare(side("real", real, "d1"), side("ringway", missing, "d1")))
                    .anySatisfy(d -> assertThat(d.text()).contains("real=\"(present)\"  ringway=<absent>"));
        }
    }

    @Test
    void starComparesEveryHeaderValueAndBangLeavesOneOut() throws IOException {
        String other = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: \"e1\"\r\n"
                + "X-Object-Meta-Color: red\r\nContent-Length: 5\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\nhello";
        try (FakeHttpServer real = new FakeHttpServer(r -> OK); FakeHttpServer peer = new FakeHttpServer(r -> other)) {
            RawRequest get = RawRequest.of("GET", "/{dev}/0/{a}/c/o");

            assertThat(BackendConformance.sequence("every header").step("GET", get, 200, "*")
                    .compare(side("real", real, "d1"), side("ringway", peer, "d1")))
                    .singleElement()
                    .satisfies(d -> assertThat(d.text()).contains("X-Object-Meta-Color").contains("real=\"blue\"")
                            .contains("ringway=\"red\""));
            assertThat(BackendConformance.sequence("one left out").step("GET", get, 200, "*", "!X-Object-Meta-Color")
                    .compare(side("real", real, "d1"), side("ringway", peer, "d1")))
                    .isEmpty();
        }
    }

    @Test
    void sendsAStepToTheSameSidesOtherServerAndNamesItsHost() throws IOException {
        String created = "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n";
        try (FakeHttpServer container = new FakeHttpServer(r -> created);
                FakeHttpServer account = new FakeHttpServer(r -> created)) {
            ConformanceSide both = new ConformanceSide("real", "127.0.0.1", container.port(), "d1",
                    Map.of(ServerType.ACCOUNT, account.port()));
            BackendConformance.sequence("two servers")
                    .step("PUT container", RawRequest.of("PUT", "/{dev}/0/{a}/c")
                            .header("X-Account-Host", "{host:account}")
                            .header("X-Timestamp", "{s2}.12345"), 201)
                    .step("PUT account", RawRequest.of("PUT", "/{dev}/0/{a}"), 201)
                    .on(ServerType.ACCOUNT)
                    .run(both, both);

            assertThat(container.received()).hasSize(2).allSatisfy(r -> assertThat(r.head())
                    .contains("X-Account-Host: 127.0.0.1:" + account.port() + "\r\n")
                    .containsPattern("X-Timestamp: \\d{10}\\.12345\r\n"));
            assertThat(account.received()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.requestLine()).startsWith("PUT /d1/0/AUTH_rw").doesNotContain("/c"));
        }
    }

    @Test
    void timestampPlaceholdersAreRecentSwiftTimestampsAndHttpDates() {
        Map<String, String> variables = BackendConformance.variables(Instant.parse("2026-11-22T05:00:00Z"));

        assertThat(variables.get("t0")).isEqualTo("1795323540.00000");
        assertThat(variables.get("t2")).isEqualTo("1795323542.00000");
        assertThat(variables.get("http:t0")).isEqualTo("Sun, 22 Nov 2026 04:59:00 GMT");
        assertThat(variables.get("a")).startsWith("AUTH_rw").hasSize(19);
    }

    private static BackendConformance sequence() {
        return BackendConformance.sequence("two GETs")
                .step("GET", RawRequest.of("GET", "/{dev}/0/{a}/c/o"), 200, "Content-Type", "ETag", "X-Object-Meta-*")
                .step("GET again", RawRequest.of("GET", "/{dev}/0/{a}/c/o"), 200, "Content-Type", "ETag",
                        "X-Object-Meta-*");
    }

    private static Function<FakeHttpServer.Received, String> multipart(String boundary) {
        String body = "--" + boundary + "\r\nContent-Range: bytes 0-1/5\r\n\r\nhe\r\n--" + boundary + "--";
        return r -> "HTTP/1.1 206 Partial Content\r\nContent-Type: multipart/byteranges;boundary=" + boundary
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static ConformanceSide side(String label, FakeHttpServer server, String device) {
        return new ConformanceSide(label, "127.0.0.1", server.port(), device);
    }
}
