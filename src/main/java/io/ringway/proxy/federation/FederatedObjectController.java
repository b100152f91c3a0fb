package io.ringway.proxy.federation;

import static java.util.Objects.requireNonNull;

import io.ringway.api.swift.EdgeConstraints;
import io.ringway.backend.InfoSource;
import io.ringway.federation.Targets;
import io.ringway.policy.StoragePolicies;
import io.ringway.proxy.Controller;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.object.ObjectCreation;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Object requests: those of a federated container are forwarded to its target (a PUT with its
 * body, streamed), the others go to the local object controller. A PUT or POST is checked first
 * as Swift's proxy checks it (metadata, names, {@code X-Delete-*}; a PUT's missing Content-Type
 * guessed), so that every kind of target gets the same requests and the client Swift's answers;
 * {@code X-Delete-After} goes on as the {@code X-Delete-At} it means.
 */
public final class FederatedObjectController implements Controller {

    private final Controller local;
    private final FederatedPolicies federated;
    private final Forwarding forwarding;
    private final EdgeConstraints constraints;
    private final ObjectCreation creation;

    /**
     * @param local the local object controller
     * @param info container info (the gateway's cache)
     * @param policies the storage policies
     * @param targets the federated policies' targets
     * @param constraints Swift's constraints
     * @param creation the checks of an object PUT
     */
    public FederatedObjectController(Controller local, InfoSource info, StoragePolicies policies, Targets targets,
            EdgeConstraints constraints, ObjectCreation creation) {
        this.local = requireNonNull(local, "local");
        this.federated = new FederatedPolicies(info, policies);
        this.forwarding = new Forwarding(targets);
        this.constraints = requireNonNull(constraints, "constraints");
        this.creation = requireNonNull(creation, "creation");
    }

    @Override
    public Set<String> allowedMethods() {
        return local.allowedMethods();
    }

    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        String container = Objects.requireNonNull(request.path().container(), "container");
        return federated.of(request.path().account(), container)
                .flatMap(found -> found.isPresent()
                        ? Mono.defer(() -> forwarding.forward(request, found.get().policy(),
                                request.method().equals("PUT"), checked(request)))
                        : local.handle(request));
    }

    /** Swift's checks of a PUT or POST; the edit of the forwarded headers they call for. */
    private Consumer<HttpHeaders> checked(ProxyRequest request) {
        HttpHeaders client = request.headers();
        double now = System.currentTimeMillis() / 1000.0;
        HttpHeaders changes;
        switch (request.method()) {
            case "PUT" -> {
                ObjectCreation.checkIfNoneMatch(client);
                changes = creation.check(client, Objects.requireNonNull(request.path().object(), "object"), now);
            }
            case "POST" -> {
                constraints.checkMetadata(client, EdgeConstraints.Target.OBJECT);
                changes = new HttpHeaders();
                String deleteAt = constraints.checkDeleteHeaders(client, now);
                if (deleteAt != null) {
                    changes.set("X-Delete-At", deleteAt);
                }
            }
            default -> {
                return headers -> { };
            }
        }
        return headers -> {
            changes.forEach(headers::put);
            headers.remove("X-Delete-After");
            headers.remove("X-Detect-Content-Type");
        };
    }
}
