package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The bookkeeping both kinds of kept client connections share, on an embedded channel. */
class KeptConnectionTests {

    private static final long SECOND = 1_000_000_000L;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final Recorded connection = new Recorded(channel);
    private final Holder holder = new Holder();

    KeptConnectionTests() {
        channel.pipeline().addLast(connection);
    }

    @Test
    void whatComesGoesToItsHolderAndIsReleasedAfter() {
        connection.lease(holder);
        HttpContent part = new DefaultHttpContent(Unpooled.copiedBuffer(new byte[] {1, 2, 3}));

        channel.writeInbound(part);

        assertThat(holder.parts).containsExactly(3);
        assertThat(part.refCnt()).isZero();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anAnswerNobodyAskedForClosesAnIdleConnection() {
        connection.lease(holder);
        connection.idle(0);
        HttpContent stray = new DefaultHttpContent(Unpooled.copiedBuffer(new byte[] {1}));

        channel.writeInbound(stray);

        assertThat(holder.parts).isEmpty();
        assertThat(stray.refCnt()).isZero();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aCloseWhileIdleTakesItOutOfThePoolAndNobodyIsTold() {
        connection.lease(holder);
        connection.idle(0);

        channel.close();

        assertThat(connection.forgotten).isTrue();
        assertThat(holder.closes).isEmpty();
    }

    @Test
    void aCloseOrFailureWhileHeldIsToldToTheHolder() {
        connection.lease(holder);
        IOException broken = new IOException("reset by peer");

        channel.pipeline().fireExceptionCaught(broken);

        // First the failure, then (the channel closed by it) the close itself.
        assertThat(holder.closes).hasSize(2);
        assertThat(holder.closes.get(0)).isSameAs(broken);
        assertThat(holder.closes.get(1)).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(connection.forgotten).isFalse();
    }

    @Test
    void aKeptConnectionIsUsableWhileOpenAndIdleForLessThanTheLimit() {
        assertThat(connection.reused()).isFalse();
        connection.lease(holder);
        connection.idle(10 * SECOND);

        assertThat(connection.reused()).isTrue();
        assertThat(connection.usable(10 * SECOND + SECOND / 2, SECOND)).isTrue();
        assertThat(connection.usable(11 * SECOND, SECOND)).isFalse();
        channel.close();
        assertThat(connection.usable(10 * SECOND, SECOND)).isFalse();
    }

    private static final class Holder implements KeptConnection.User {

        final List<Integer> parts = new ArrayList<>();
        final List<@Nullable Throwable> closes = new ArrayList<>();

        @Override
        public void onClosed(@Nullable Throwable failure) {
            closes.add(failure);
        }
    }

    private static final class Recorded extends KeptConnection<Holder> {

        boolean forgotten;

        Recorded(EmbeddedChannel channel) {
            super(channel);
        }

        @Override
        protected void deliver(Holder holder, Object message) {
            holder.parts.add(((HttpContent) message).content().readableBytes());
        }

        @Override
        protected void closedWhileIdle() {
            forgotten = true;
        }
    }
}
