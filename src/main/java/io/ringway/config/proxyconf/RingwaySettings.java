package io.ringway.config.proxyconf;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code proxy-server.conf} translated into Ringway's settings, option by option as
 * {@code docs/swift-proxy-settings.md} lists them. Swift's defaults count: an option the file
 * leaves out takes Swift's default, not Ringway's (for {@code account_autocreate}, which
 * Ringway's own defaults turn on). Options Ringway has no setting for are listed in
 * {@link #ignored()} for the operator to see.
 *
 * @param properties Spring property names (as Ringway's documentation writes them) to values
 * @param ignored {@code section option} for each option read but not applied
 */
record RingwaySettings(Map<String, String> properties, List<String> ignored) {

    private static final String BACKEND = "ringway.backend.";
    private static final String PROXY = "ringway.proxy.";
    private static final String STAGE = "ringway.middleware.";

    private static final Set<String> BACKEND_SECONDS = Set.of("conn_timeout", "node_timeout",
            "recoverable_node_timeout", "post_quorum_timeout", "error_suppression_interval", "timing_expiry");
    private static final Set<String> BACKEND_VERBATIM = Set.of("error_suppression_limit", "request_node_count",
            "sorting_method", "read_affinity", "write_affinity", "write_affinity_node_count",
            "write_affinity_handoff_delete_count");
    /** What a {@code [proxy-server:policy:N]} section may override, as Swift's {@code ProxyOverrideOptions}. */
    private static final Set<String> POLICY_OVERRIDES = Set.of("sorting_method", "read_affinity", "write_affinity",
            "write_affinity_node_count", "write_affinity_handoff_delete_count");
    private static final Set<String> PROXY_BOOLEANS = Set.of("allow_account_management", "account_autocreate",
            "strict_cors_mode");
    private static final Set<String> PROXY_VERBATIM = Set.of("max_containers_per_account",
            "max_containers_whitelist", "cors_allow_origin", "cors_expose_headers");
    private static final Set<String> CACHE_SECONDS = Set.of("recheck_account_existence",
            "recheck_container_existence");
    /** Options of the app and the DEFAULT section that are about the process, not behaviour. */
    private static final Set<String> PROCESS_OPTIONS = Set.of("use", "user", "swift_dir", "workers", "max_clients",
            "log_name", "log_facility", "log_level", "log_address", "log_headers", "log_udp_host", "log_udp_port",
            "eventlet_debug", "expose_info", "disallowed_sections", "admin_key");

    RingwaySettings {
        properties = Map.copyOf(properties);
        ignored = List.copyOf(ignored);
    }

    static RingwaySettings of(ProxyServerConf conf) {
        requireNonNull(conf, "conf");
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        properties.put("ringway.pipeline", String.join(",", conf.pipeline()));
        // Swift's default where the file is silent (Ringway's application.yml turns it on)
        properties.put(PROXY + "account_autocreate", "false");
        conf.appOptions().forEach((option, value) -> {
            if (!app(option, value, properties) && !PROCESS_OPTIONS.contains(option)) {
                ignored.add("[app:proxy-server] " + option);
            }
        });
        conf.stageOptions().forEach((stage, options) -> options.forEach((option, value) -> {
            if (!stage(stage, option, value, properties) && !option.equals("use")) {
                ignored.add("[filter " + stage + "] " + option);
            }
        }));
        conf.policyOptions().forEach((index, options) -> options.forEach((option, value) -> {
            if (POLICY_OVERRIDES.contains(option)) {
                properties.put(BACKEND + "policies." + index + "." + option, value);
            } else {
                ignored.add("[proxy-server:policy:" + index + "] " + option);
            }
        }));
        return new RingwaySettings(properties, ignored);
    }

    private static boolean app(String option, String value, Map<String, String> properties) {
        if (option.equals("bind_ip")) {
            properties.put("server.address", value);
        } else if (option.equals("bind_port")) {
            properties.put("server.port", value);
        } else if (BACKEND_SECONDS.contains(option)) {
            properties.put(BACKEND + option, seconds(option, value));
        } else if (BACKEND_VERBATIM.contains(option)) {
            properties.put(BACKEND + option, value);
        } else if (PROXY_BOOLEANS.contains(option)) {
            properties.put(PROXY + option, Boolean.toString(isTrue(value)));
        } else if (PROXY_VERBATIM.contains(option)) {
            properties.put(PROXY + option, value);
        } else if (CACHE_SECONDS.contains(option)) {
            properties.put(STAGE + "cache." + option, seconds(option, value));
        } else {
            return false;
        }
        return true;
    }

    private static boolean stage(String stage, String option, String value, Map<String, String> properties) {
        String prefix = STAGE + stage + ".";
        switch (stage + " " + option) {
            case "catch_errors trans_id_suffix", "healthcheck disable_path", "proxy_logging log_msg_template",
                    "proxy_logging access_log_headers_only", "proxy_logging reveal_sensitive_prefix",
                    "proxy_logging log_anonymization_method", "proxy_logging log_anonymization_salt",
                    "tempauth require_group", "tempauth auth_prefix", "tempauth storage_url_scheme" ->
                properties.put(prefix + option, value);
            case "gatekeeper shunt_inbound_x_timestamp", "gatekeeper allow_reserved_names_header",
                    "proxy_logging access_log_headers", "tempauth allow_overrides" ->
                properties.put(prefix + option, Boolean.toString(isTrue(value)));
            case "tempauth reseller_prefix" -> properties.put(prefix + option, resellerPrefixes(value));
            case "tempauth token_life" -> properties.put(prefix + option, seconds(option, value));
            default -> {
                return stage.equals("tempauth") && tempAuthExtra(option, value, properties);
            }
        }
        return true;
    }

    /** {@code <PREFIX>_require_group} and {@code user_<account>_<user>} (or {@code user64_}). */
    private static boolean tempAuthExtra(String option, String value, Map<String, String> properties) {
        String prefix = STAGE + "tempauth.";
        if (option.endsWith("_require_group")) {
            String reseller = option.substring(0, option.length() - "_require_group".length());
            // brackets keep the map key's case
            properties.put(prefix + "prefix_require_group[" + reseller + "]", value);
            return true;
        }
        boolean base64 = option.startsWith("user64_");
        if (!base64 && !option.startsWith("user_")) {
            return false;
        }
        String[] names = option.substring(option.indexOf('_') + 1).split("_", -1);
        List<String> words = Arrays.stream(value.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (names.length != 2 || words.isEmpty()) {
            throw new IllegalArgumentException("[filter:tempauth] " + option + " = " + value
                    + ": expected user_<account>_<user> = <key> [group...] [storage_url]");
        }
        int index = (int) properties.keySet().stream().filter(key -> key.endsWith(".key")
                && key.startsWith(prefix + "users[")).count();
        String user = prefix + "users[" + index + "].";
        properties.put(user + "account", base64 ? decode(names[0]) : names[0]);
        properties.put(user + "user", base64 ? decode(names[1]) : names[1]);
        properties.put(user + "key", words.get(0));
        List<String> groups = new ArrayList<>(words.subList(1, words.size()));
        String last = groups.isEmpty() ? "" : groups.get(groups.size() - 1);
        if (last.contains("://") || last.contains("$HOST")) {
            properties.put(user + "storage_url", groups.remove(groups.size() - 1));
        }
        properties.put(user + "groups", String.join(",", groups));
        return true;
    }

    private static String decode(String name) {
        String padded = name + "=".repeat(name.length() % 4);
        return new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8);
    }

    /** {@code AUTH, SERVICE} as a Spring list; {@code ''} (no prefix) stays {@code ''}. */
    private static String resellerPrefixes(String value) {
        return String.join(",", Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    /** Swift's seconds (a float) as a Spring duration in milliseconds: {@code 0.5} is {@code 500ms}. */
    static String seconds(String option, String value) {
        try {
            return new BigDecimal(value.strip()).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + "ms";
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " = " + value + ": expected seconds", e);
        }
    }

    /** Swift's {@code config_true_value}. */
    static boolean isTrue(String value) {
        return Set.of("true", "1", "yes", "on", "t", "y").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
