package io.ringway.storage.object;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What the object server needs to know of the exchange beyond Spring's view of it. Closes a GET's open data file when its exchange ends, whatever way it ends. The body closes the
 * file itself when it completes, fails or is cancelled; this covers a body that is never
 * subscribed at all (the connection dropped between the headers being decided and written).
 */
final class ExchangeEnd {

    private ExchangeEnd() {
    }

    /**
     * Whether Reactor Netty already answered the request itself: it sends a 400 and closes when a
     * chunk of the body fails to decode, and then ends the body as if it were complete. A PUT must
     * not commit such a body.
     */
    static boolean answeredByServer(ServerRequest request) {
        Object nativeResponse;
        try {
            nativeResponse = ServerHttpResponseDecorator.getNativeResponse(request.exchange().getResponse());
        } catch (IllegalStateException e) {
            return false;
        }
        return nativeResponse instanceof HttpServerResponse response && response.hasSentHeaders();
    }

    static void closeAtEnd(ServerRequest request, OpenedObject opened) {
        if (opened.isClosed()) {
            return;
        }
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        } catch (IllegalStateException e) {
            // a mock exchange (tests) has no connection: the body alone closes the file
            return;
        }
        if (!(nativeRequest instanceof Connection connection)) {
            return;
        }
        // Reactor Netty's per-request operations terminate once the response is sent or the
        // connection goes.
        connection.onTerminate()
                .subscribe(null, error -> opened.closeLater(), opened::closeLater);
    }
}
