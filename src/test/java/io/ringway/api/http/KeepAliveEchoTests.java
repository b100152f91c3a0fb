package io.ringway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KeepAliveEchoTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new KeepAliveEcho());

    @Test
    void answersKeepAliveOnlyToARequestThatAskedForIt() {
        assertThat(connectionAnswered("Keep-Alive")).isEqualTo("keep-alive");
        assertThat(connectionAnswered(null)).isNull();
        assertThat(connectionAnswered("keep-alive, te")).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void leavesAClosingResponseSayingClose() {
        channel.writeInbound(request("keep-alive"));
        channel.<FullHttpRequest>readInbound().release();
        DefaultFullHttpResponse closing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        closing.headers().set("Connection", "close");

        channel.writeOutbound(closing);

        assertThat(channel.<HttpResponse>readOutbound().headers().get("Connection")).isEqualTo("close");
        channel.finishAndReleaseAll();
    }

    @Test
    void pairsTheFinalResponseNotA100ContinueWithTheRequest() {
        channel.writeInbound(request("keep-alive"));
        channel.<FullHttpRequest>readInbound().release();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CREATED));

        assertThat(channel.<HttpResponse>readOutbound().headers().contains("Connection")).isFalse();
        assertThat(channel.<HttpResponse>readOutbound().headers().get("Connection")).isEqualTo("keep-alive");
        channel.finishAndReleaseAll();
    }

    private @Nullable String connectionAnswered(@Nullable String asked) {
        channel.writeInbound(request(asked));
        channel.<FullHttpRequest>readInbound().release();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        return channel.<HttpResponse>readOutbound().headers().get("Connection");
    }

    private static FullHttpRequest request(@Nullable String connection) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/a/c/o");
        if (connection != null) {
            request.headers().set("Connection", connection);
        }
        return request;
    }
}
