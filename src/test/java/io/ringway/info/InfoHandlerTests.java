package io.ringway.info;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.SwiftConf;
import io.ringway.policy.SwiftConstraints;
import io.ringway.proxy.ProxySettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The swift section of /info, key for key as Swift 2.30.1's proxy registers it. */
class InfoHandlerTests {

    private static final SwiftConf CONF = SwiftConf.parse("""
            [swift-hash]
            swift_hash_path_suffix = changeme

            [storage-policy:0]
            name = gold
            aliases = yellow, orange
            default = yes

            [storage-policy:1]
            name = silver

            [storage-policy:2]
            name = bronze
            deprecated = yes
            """);

    @Test
    void listsVersionConstraintsAndPoliciesAsSwiftDoes() {
        Map<String, Object> swift = InfoHandler.swiftSection(CONF.policies(), SwiftConstraints.DEFAULTS,
                ProxySettings.DEFAULTS);

        assertThat(swift).containsOnlyKeys("version", "strict_cors_mode", "allow_account_management",
                "account_autocreate", "max_file_size", "max_meta_name_length",
                "max_meta_value_length", "max_meta_count", "max_meta_overall_size", "max_header_size",
                "extra_header_count", "max_object_name_length", "container_listing_limit", "account_listing_limit",
                "max_account_name_length", "max_container_name_length", "policies");
        assertThat(swift).containsEntry("version", "2.30.1").containsEntry("max_file_size", 5368709122L)
                .containsEntry("max_meta_count", 90).containsEntry("strict_cors_mode", true)
                .containsEntry("allow_account_management", false).containsEntry("account_autocreate", false);
        assertThat(swift.get("policies")).isEqualTo(List.of(
                Map.of("name", "gold", "aliases", "gold, yellow, orange", "default", true),
                Map.of("name", "silver", "aliases", "silver")));
    }

    @Test
    void servesEachRegisteredSectionBesideSwift() {
        InfoRegistry registry = new InfoRegistry();
        new InfoHandler(registry, CONF.policies(), SwiftConstraints.DEFAULTS, ProxySettings.DEFAULTS);
        registry.register("tempauth", Map.of("account_acls", true));

        assertThat(registry.sections()).containsOnlyKeys("swift", "tempauth");
    }

    @Test
    void showsThePoliciesOfTheMomentAfterSwiftConfChanged() {
        SwiftConf conf = SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\nname = gold\n");
        InfoHandler info = new InfoHandler(new InfoRegistry(), conf.policies(), SwiftConstraints.DEFAULTS,
                ProxySettings.DEFAULTS);

        conf.policies().update(SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\n"
                + "name = gold\n[storage-policy:1]\nname = silver\ndefault = yes\n").policies());

        assertThat(info.sections().get("swift").get("policies")).isEqualTo(List.of(
                Map.of("name", "gold", "aliases", "gold"),
                Map.of("name", "silver", "aliases", "silver", "default", true)));
    }
}
