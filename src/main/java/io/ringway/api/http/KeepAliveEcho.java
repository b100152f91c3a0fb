package io.ringway.api.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Answers {@code Connection: keep-alive} to a request that asked for it in those words, as Swift's
 * eventlet server does ({@code send_keep_alive}: "only send keep-alives back to clients that sent
 * them"); Reactor Netty leaves the header out on HTTP/1.1, where it is the default. A response that
 * already says {@code Connection} (Reactor Netty's {@code close}) is left alone, as eventlet then
 * says {@code close} too.
 *
 * <p>One instance per connection, after the HTTP codec: it sees every request as decoded and every
 * response last, after Reactor Netty has decided whether the connection stays open. Requests on a
 * connection are answered in order, so a queue pairs each response with its request.
 */
public final class KeepAliveEcho extends ChannelDuplexHandler {

    /** The handler's name in the channel pipeline. */
    public static final String NAME = "ringway.keepAliveEcho";

    private final Queue<Boolean> askedKeepAlive = new ArrayDeque<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String connection = request.headers().get(HttpHeaderNames.CONNECTION, "");
            askedKeepAlive.add(HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(connection));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        // 1xx (100 Continue) answers are not the request's response.
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            Boolean asked = askedKeepAlive.poll();
            if (Boolean.TRUE.equals(asked) && !response.headers().contains(HttpHeaderNames.CONNECTION)) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
        }
        super.write(ctx, msg, promise);
    }
}
