package io.ringway.proxy.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.backend.ObjectResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

class ResponseHeadersTests {

    @Test
    void updateHeadersUnquotesTheEtagAndSkipsWhatSwiftSkips() {
        HttpHeaders backend = new HttpHeaders();
        backend.set("ETag", "\"abc\"");
        backend.set("Date", "yesterday");
        backend.set("Content-Length", "5");
        backend.set("Content-Type", "text/plain");
        backend.set("X-Put-Timestamp", "1.0");
        backend.set("X-Delete-After", "10");
        backend.set("Connection", "close");
        backend.set("Transfer-Encoding", "chunked");
        backend.set("X-Backend-Timestamp", "1.0");
        backend.set("X-Object-Meta-Color", "blue");
        backend.set("X-Timestamp", "1.00000");
        HttpHeaders response = new HttpHeaders();

        ResponseHeaders.update(response, backend);

        assertThat(response.toSingleValueMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "ETag", "abc", "X-Object-Meta-Color", "blue", "X-Timestamp", "1.00000"));
    }

    @Test
    void aSourceAddsAcceptRangesLengthAndTheCleanedType() {
        HttpHeaders backend = new HttpHeaders();
        backend.set("Content-Length", "42");
        backend.set("Content-Type", "application/json;swift_bytes=1000");
        backend.set("ETag", "abc");

        HttpHeaders headers = ResponseHeaders.ofSource(new ObjectResponse(200, backend, Flux.empty()));

        assertThat(headers.getFirst("Accept-Ranges")).isEqualTo("bytes");
        assertThat(headers.getFirst("Content-Length")).isEqualTo("42");
        assertThat(headers.getFirst("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void cleanContentTypeOnlyDropsALastSwiftBytesParameter() {
        assertThat(ResponseHeaders.cleanContentType("text/plain; swift_bytes=12")).isEqualTo("text/plain");
        assertThat(ResponseHeaders.cleanContentType("text/plain; charset=utf-8")).isEqualTo("text/plain; charset=utf-8");
        assertThat(ResponseHeaders.cleanContentType("text/plain")).isEqualTo("text/plain");
    }
}
