package io.ringway.proxy;

import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The event loop of the client's connection, as a scheduler. Replies made from storage nodes'
 * answers arrive on the backend client's event loops; a reply whose writing started there, on a
 * kept-alive connection, could leave the next request but one unread (seen with Swift's
 * functional tests: an account listing, then an error answer, then nothing). Writing every reply
 * from the connection's own loop avoids it; only the start of the write moves, the body's buffers
 * are not copied.
 */
final class ServerLoop {

    private ServerLoop() {
    }

    static Scheduler of(ServerWebExchange exchange) {
        try {
            Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
            if (nativeResponse instanceof Connection connection) {
                return Schedulers.fromExecutor(connection.channel().eventLoop());
            }
        } catch (RuntimeException e) {
            // not a Reactor Netty exchange (a test double)
        }
        return Schedulers.immediate();
    }
}
