package io.ringway.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;

/**
 * Makes a decoded request acceptable to Spring the way Swift's eventlet server accepts it:
 *
 * <ul>
 *   <li>Clients may send raw (unquoted) UTF-8, or any byte, in the path and query; Netty hands
 *       them on as one char per byte, which {@link java.net.URI} refuses. They are percent-encoded
 *       here, byte for byte, so that unquoting the path gives the bytes sent (Swift then answers
 *       412 for bad UTF-8 itself). A {@code %} not starting an escape becomes {@code %25}, which
 *       unquotes to the same {@code %}.</li>
 *   <li>A header line longer than {@code max_header_size} is refused as eventlet refuses it
 *       ({@code MAX_HEADER_LINE}): {@code 400 Header Line Too Long}, and the connection closed.</li>
 * </ul>
 */
@ChannelHandler.Sharable
public final class SwiftRequestDecoding extends ChannelInboundHandlerAdapter {

    /** The handler's name in the channel pipeline. */
    public static final String NAME = "ringway.swiftRequestDecoding";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final int maxHeaderLine;

    public SwiftRequestDecoding(int maxHeaderLine) {
        this.maxHeaderLine = maxHeaderLine;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            if (tooLongHeaderLine(request)) {
                ReferenceCountUtil.release(msg);
                refuse(ctx);
                return;
            }
            String uri = request.uri();
            String encoded = encode(uri);
            if (!encoded.equals(uri)) {
                request.setUri(encoded);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private boolean tooLongHeaderLine(HttpRequest request) {
        for (Map.Entry<String, String> header : request.headers()) {
            // eventlet counts the line as read: "Name: value\r\n"
            if (header.getKey().length() + 2 + header.getValue().length() + 2 > maxHeaderLine) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_0,
                new HttpResponseStatus(400, "Header Line Too Long"), Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The URI with every byte (char) outside printable ASCII, and every stray {@code %}, percent-encoded. */
    static String encode(String uri) {
        StringBuilder out = null;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean escape = c > 0x7e || c <= 0x20 || "\"<>\\^`{|}".indexOf(c) >= 0
                    || c == '%' && !(i + 2 < uri.length() && isHex(uri.charAt(i + 1)) && isHex(uri.charAt(i + 2)));
            if (escape && out == null) {
                out = new StringBuilder(uri.length() + 32).append(uri, 0, i);
            }
            if (out != null) {
                if (escape) {
                    // Netty decoded the request line one char per byte: the char is the byte.
                    int b = c & 0xff;
                    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? uri : out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
