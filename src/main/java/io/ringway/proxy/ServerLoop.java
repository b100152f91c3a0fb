package io.ringway.proxy;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The event loop of the client's connection, as a scheduler. Replies made from storage nodes'
 * answers may arrive on other event loops than the client connection's; a reply whose writing
 * started there, on a kept-alive connection, could leave the next request but one unread (seen
 * with Swift's functional tests: an account listing, then an error answer, then nothing). Writing
 * every reply from the connection's own loop avoids it; only the start of the write moves, the
 * body's buffers are not copied.
 *
 * <p>A reply that is already on the connection's loop (the usual case: the backend connections
 * run on the loop that asked for them) goes on at once rather than through the loop's task queue.
 * There is one scheduler per loop, made once.
 */
final class ServerLoop {

    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private ServerLoop() {
    }

    static Scheduler of(ServerWebExchange exchange) {
        try {
            Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
            if (nativeResponse instanceof Connection connection) {
                return SCHEDULERS.computeIfAbsent(connection.channel().eventLoop(), ServerLoop::scheduler);
            }
        } catch (RuntimeException e) {
            // not a Reactor Netty exchange (a test double)
        }
        return Schedulers.immediate();
    }

    private static Scheduler scheduler(EventLoop loop) {
        Executor onLoop = task -> {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        };
        return Schedulers.fromExecutor(onLoop);
    }
}
