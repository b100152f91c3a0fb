package io.ringway.proxy.container;

import io.ringway.api.error.GatewayException;
import io.ringway.policy.StoragePolicies;
import io.ringway.policy.StoragePolicy;
import io.ringway.swift.PythonText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Swift's {@code _convert_policy_to_index}: the index of the policy a container PUT names in
 * {@code X-Storage-Policy} (a name or alias, any case), null when it names none; 400
 * {@code Invalid X-Storage-Policy '<name>'} (text/plain) for an unknown name and
 * {@code Storage Policy '<name>' is deprecated} for a deprecated policy.
 */
final class PolicyChoice {

    private PolicyChoice() {
    }

    static @Nullable Integer index(HttpHeaders request, StoragePolicies policies) {
        String name = request.getFirst("X-Storage-Policy");
        if (name == null || name.isEmpty()) {
            return null;
        }
        StoragePolicy policy = policies.byName(name).orElse(null);
        if (policy == null) {
            throw GatewayException.plain(400, "Invalid X-Storage-Policy '" + name + "'", null);
        }
        if (policy.deprecated()) {
            throw GatewayException.withBody(400, "Storage Policy " + PythonText.repr(policy.name()) + " is deprecated");
        }
        return policy.index();
    }
}
