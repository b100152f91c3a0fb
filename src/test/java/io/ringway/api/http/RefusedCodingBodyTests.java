package io.ringway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RefusedCodingBodyTests {

    // Swift's testBadHeaders: a coding list and 100 bytes that are not chunked.
    private static final String REFUSED_HEAD = "PUT /v1/AUTH_test/c/o HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: gzip,chunked\r\n\r\n";
    // Random bytes: a line feed ends what the decoder takes for a chunk size line.
    private static final String NOT_CHUNKED = "\u00e9\u0013q\nz".repeat(20);

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new RefusedCodingBody());

    @Test
    void endsAnUndecodableBodyInARefusedCodingInsteadOfFailingIt() {
        channel.writeInbound(Unpooled.copiedBuffer(REFUSED_HEAD + NOT_CHUNKED, StandardCharsets.ISO_8859_1));

        HttpRequest request = channel.readInbound();
        HttpContent end = channel.readInbound();

        assertThat(request.decoderResult().isSuccess()).isTrue();
        assertThat(request.headers().get("Connection")).isEqualTo("close");
        assertThat(end).isInstanceOf(LastHttpContent.class);
        assertThat(end.decoderResult().isSuccess()).isTrue();
        assertThat(end.content().readableBytes()).isZero();
        assertThat(channel.<Object>readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void passesTheDecodingFailureOfAPlainChunkedBodyOn() {
        channel.writeInbound(Unpooled.copiedBuffer("PUT /v1/AUTH_test/c/o HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + NOT_CHUNKED, StandardCharsets.ISO_8859_1));

        HttpRequest request = channel.readInbound();
        HttpContent failed = channel.readInbound();

        assertThat(request.headers().contains("Connection")).isFalse();
        assertThat(failed.decoderResult().isFailure()).isTrue();
        failed.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void leavesAWellChunkedBodyInARefusedCodingAsItIs() {
        channel.writeInbound(Unpooled.copiedBuffer(REFUSED_HEAD + "3\r\nabc\r\n0\r\n\r\n", StandardCharsets.ISO_8859_1));

        HttpRequest request = channel.readInbound();
        HttpContent chunk = channel.readInbound();
        LastHttpContent end = channel.readInbound();

        assertThat(request.headers().get("Connection")).isEqualTo("close");
        assertThat(chunk.content().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
        assertThat(end.decoderResult().isSuccess()).isTrue();
        chunk.release();
        end.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void refusesWhatSwobsIsChunkedRefuses() {
        assertThat(RefusedCodingBody.refusedBySwift("gzip,chunked")).isTrue();
        assertThat(RefusedCodingBody.refusedBySwift("chunked, chunked")).isTrue();
        assertThat(RefusedCodingBody.refusedBySwift("gzip")).isTrue();
        assertThat(RefusedCodingBody.refusedBySwift("chunked")).isFalse();
        assertThat(RefusedCodingBody.refusedBySwift("Chunked")).isFalse();
    }
}
