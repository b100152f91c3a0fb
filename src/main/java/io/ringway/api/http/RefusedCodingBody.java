package io.ringway.api.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Locale;

/**
 * Lets the proxy answer a request whose {@code Transfer-Encoding} Swift refuses ({@code 501} for a
 * list of codings such as {@code gzip,chunked}, {@code 400} for one that is not {@code chunked};
 * swob's {@code is_chunked}) even when its body cannot be decoded.
 *
 * <p>Swift's eventlet server never reads such a body: the proxy answers after its container lookup.
 * Netty decodes any coding list ending in {@code chunked} as chunked at once, and a body that is not
 * chunked (Swift's functional test {@code testBadHeaders} sends 100 raw bytes) fails to decode;
 * Reactor Netty then answers {@code 400} itself if that happens before the proxy's answer, a race the
 * proxy loses whenever its container lookup is slower than the body's arrival. Here the decoding
 * failure becomes the end of the body, which the proxy does not read, and the request is marked
 * {@code Connection: close}: the decoder discards everything after a bad chunk, so the connection
 * could not carry another request (eventlet would parse the unread body as the next request).
 *
 * <p>One instance per connection, after the HTTP codec; requests on a connection come one at a time.
 */
public final class RefusedCodingBody extends ChannelInboundHandlerAdapter {

    /** The handler's name in the channel pipeline. */
    public static final String NAME = "ringway.refusedCodingBody";

    private boolean refusedBody;

    /** Whether swob's {@code is_chunked} raises for this {@code Transfer-Encoding} value. */
    static boolean refusedBySwift(String transferEncoding) {
        return transferEncoding.indexOf(',') >= 0 || !transferEncoding.toLowerCase(Locale.ROOT).equals("chunked");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            String coding = request.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
            refusedBody = coding != null && refusedBySwift(coding) && HttpUtil.isTransferEncodingChunked(request);
            if (refusedBody) {
                request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
        if (refusedBody && msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            // The decoder sends one failed last content, then drops every byte the client sends.
            ReferenceCountUtil.release(content);
            refusedBody = false;
            ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        if (msg instanceof LastHttpContent) {
            refusedBody = false;
        }
        ctx.fireChannelRead(msg);
    }
}
