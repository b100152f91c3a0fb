package io.ringway.proxy.object;

import static java.util.Objects.requireNonNull;

import io.ringway.backend.ObjectGet;
import io.ringway.backend.ObjectGetRequest;
import io.ringway.backend.ObjectResponse;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.swift.SwiftStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * GET and HEAD of an object, as Swift's {@code BaseObjectController.GETorHEAD}: the container's
 * info gives the policy (a missing container means policy 0, whose nodes then answer 404), every
 * client header goes to the nodes ({@code Range}, the conditionals, {@code X-Newest}), and the
 * node's answer comes back through {@link ResponseHeaders}. A source's body streams as the node
 * sends it (multipart/byteranges included); without a source the answer is the nodes' best
 * status with Swift's body for it.
 */
final class ObjectReads {

    private final ObjectTargets targets;
    private final ObjectGet get;

    ObjectReads(ObjectTargets targets, ObjectGet get) {
        this.targets = requireNonNull(targets, "targets");
        this.get = requireNonNull(get, "get");
    }

    Mono<ProxyReply> handle(ProxyRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.method());
        return targets.resolve(request)
                .flatMap(target -> get.get(new ObjectGetRequest(method, target.ring(), target.policyIndex(),
                        target.name(), NodeHeaders.of(request, new HttpHeaders()))))
                .map(response -> reply(request, method, response));
    }

    private static ProxyReply reply(ProxyRequest request, HttpMethod method, ObjectResponse response) {
        if (isSource(response)) {
            return new ProxyReply(response.status(), ResponseHeaders.ofSource(response), response.body());
        }
        // best_response: the chosen node's headers and body. The object server's bodies are swob's default
        // ones, except a failed precondition, which its conditional response sends empty.
        HttpHeaders headers = new HttpHeaders();
        ResponseHeaders.update(headers, response.headers());
        headers.set(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        boolean empty = method.equals(HttpMethod.HEAD) || response.status() == 412;
        String body = empty ? "" : SwiftStatus.defaultBody(response.status());
        return ProxyReply.text(response.status(), headers, body, request.exchange());
    }

    /** Whether a node's answer is the reply (Swift's good source: 2xx, 3xx, and 416 for objects). */
    private static boolean isSource(ObjectResponse response) {
        int status = response.status();
        return status >= 200 && status < 400 || status == 416;
    }
}
