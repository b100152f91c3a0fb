package io.ringway.info;

import static java.util.Objects.requireNonNull;

import io.ringway.policy.StoragePolicies;
import io.ringway.policy.SwiftConstraints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.ringway.proxy.Controller;
import io.ringway.proxy.ProxyReply;
import io.ringway.proxy.ProxyRequest;
import io.ringway.proxy.ProxySettings;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /info} as Swift's {@code InfoController}: a JSON object with the {@code swift}
 * section (the Swift version whose API Ringway speaks, the constraints of swift.conf, the storage
 * policies) and each section stages registered in the {@link InfoRegistry}.
 *
 * <p>{@code valid_api_versions} and {@code auto_create_account_prefix} stay out, as Swift's
 * default {@code disallowed_sections} keeps them out. The proxy's own settings
 * ({@code account_autocreate}, {@code allow_account_management}, {@code strict_cors_mode}) are
 * there as in Swift. Not implemented: {@code expose_info}, {@code disallowed_sections} and the
 * HMAC-signed admin view. OPTIONS is answered by the {@link io.ringway.proxy.ProxyApplication}, with Swift's
 * {@code Allow: HEAD, GET, OPTIONS}.
 */
public final class InfoHandler implements Controller {

    private static final Set<String> ALLOWED = Set.of("GET", "HEAD");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The Swift release whose API Ringway implements; clients read features from it. */
    public static final String SWIFT_VERSION = "2.30.1";

    /** As Swift writes it (with the space), which Spring's {@code MediaType} would drop. */
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";

    private final InfoRegistry registry;
    private final StoragePolicies policies;

    public InfoHandler(InfoRegistry registry, StoragePolicies policies, SwiftConstraints constraints,
            ProxySettings settings) {
        this.registry = requireNonNull(registry, "registry");
        this.policies = requireNonNull(policies, "policies");
        registry.register("swift", swiftSection(policies, constraints, settings));
    }

    static Map<String, Object> swiftSection(StoragePolicies policies, SwiftConstraints constraints,
            ProxySettings settings) {
        Map<String, Object> swift = new LinkedHashMap<>();
        swift.put("version", SWIFT_VERSION);
        swift.put("strict_cors_mode", settings.strictCorsMode());
        swift.put("allow_account_management", settings.allowAccountManagement());
        swift.put("account_autocreate", settings.accountAutocreate());
        swift.put("max_file_size", constraints.maxFileSize());
        swift.put("max_meta_name_length", constraints.maxMetaNameLength());
        swift.put("max_meta_value_length", constraints.maxMetaValueLength());
        swift.put("max_meta_count", constraints.maxMetaCount());
        swift.put("max_meta_overall_size", constraints.maxMetaOverallSize());
        swift.put("max_header_size", constraints.maxHeaderSize());
        swift.put("extra_header_count", constraints.extraHeaderCount());
        swift.put("max_object_name_length", constraints.maxObjectNameLength());
        swift.put("container_listing_limit", constraints.containerListingLimit());
        swift.put("account_listing_limit", constraints.accountListingLimit());
        swift.put("max_account_name_length", constraints.maxAccountNameLength());
        swift.put("max_container_name_length", constraints.maxContainerNameLength());
        swift.put("policies", policies(policies));
        return swift;
    }

    private static List<Map<String, Object>> policies(StoragePolicies policies) {
        return policies.info().stream()
                .map(InfoHandler::policy)
                .toList();
    }

    private static Map<String, Object> policy(StoragePolicies.PolicyInfo info) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", info.name());
        policy.put("aliases", info.aliases());
        // Swift leaves "default" out of the policies that are not.
        if (info.isDefault()) {
            policy.put("default", true);
        }
        return policy;
    }

    @Override
    public Set<String> allowedMethods() {
        return ALLOWED;
    }

    /** {@code GET} and {@code HEAD /info}. */
    @Override
    public Mono<ProxyReply> handle(ProxyRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
        return Mono.fromSupplier(() -> ProxyReply.text(200, headers, JSON.writeValueAsString(sections()),
                request.exchange()));
    }

    /** The registered sections, with the policies of the moment (swift.conf is followed while running). */
    Map<String, Map<String, Object>> sections() {
        Map<String, Map<String, Object>> sections = registry.sections();
        sections.get("swift").put("policies", policies(policies));
        return sections;
    }
}
