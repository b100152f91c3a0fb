package io.ringway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.PythonSwift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the same swift.conf text through Swift 2.30's own code (Python's ConfigParser,
 * {@code parse_storage_policies}, the {@code [swift-hash]} lookups) and through {@link SwiftConf}:
 * both must accept or reject each storage-policy variant, accepted ones must give the same
 * indexes, names, defaults, deprecations and /info listing, and the hash path prefix and suffix
 * must come out the same. Skipped without Debian's swift module. Erasure coding and federated policies are left out on
 * purpose: Ringway rejects the one and adds the other.
 */
class SwiftConfParityTests {

    private static final List<String> CONFIGS = List.of(
            "",
            "[storage-policy:0]\nname = gold\n",
            "[storage-policy:0]\nname = gold\naliases = yellow, orange ,,\n[storage-policy:1]\nname = silver\ndefault = y\n",
            "[storage-policy:0]\nname = gold\ndeprecated = true\n[storage-policy:1]\nname = silver\ndefault = on\n",
            "[storage-policy:0]\nname = gold\naliases = gold\n",
            "[storage-policy:0]\nName : Gold\n  continued\n",
            "[storage-policy:0]\nname = gold\n[storage-policy:0]\naliases = g\n",
            "[DEFAULT]\ndefault = yes\n[storage-policy:0]\nname = gold\n",
            "[storage-policy:0]\nname = gold\ndefault = TRUE\ndeprecated = no\n",
            // Each of these is rejected by Swift.
            "[storage-policy:1]\nname = gold\n",
            "[storage-policy:x]\nname = gold\n",
            "[storage-policy:-1]\nname = gold\n",
            "[storage-policy:0]\nname = go ld\n",
            "[storage-policy:0]\nname = gold # comment\n",
            "[storage-policy:0]\n",
            "[storage-policy:0]\nname = a\n[storage-policy:1]\nname = POLICY-0\ndefault = yes\n",
            "[storage-policy:0]\nname = a\naliases = b, B\n",
            "[storage-policy:0]\nname = a\nsize = 3\n",
            "[storage-policy:0]\nname = a\ndefault = yes\ndeprecated = yes\n",
            "[storage-policy:0]\nname = a\n[storage-policy:00]\nname = b\n",
            "[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\naliases = A\n",
            "[storage-policy:0]\nname = a\ndefault = yes\n[storage-policy:1]\nname = b\ndefault = yes\n",
            "[storage-policy:0]\nname = a\ndeprecated = yes\n",
            "[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\n",
            "[DEFAULT]\nswift_dir = /etc/swift\n[storage-policy:0]\nname = a\n");

    private static final String SCRIPT = """
            import json, sys
            from six.moves.configparser import ConfigParser
            from swift.common.storage_policy import parse_storage_policies
            results = []
            for text in json.load(open(sys.argv[1])):
                conf = ConfigParser(strict=False)
                try:
                    conf.read_string(text)
                    policies = parse_storage_policies(conf)
                    results.append({'policies': [[int(p), p.alias_list, p.is_default, p.is_deprecated]
                                                 for p in policies],
                                    'info': policies.get_policy_info()})
                except Exception as e:
                    results.append({'error': str(e)})
            print(json.dumps(results))
            """;

    @Test
    void acceptsAndRejectsTheSameConfigsAsSwift(@TempDir Path dir) throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with Debian's swift module");
        Path input = dir.resolve("configs.json");
        Files.writeString(input, JsonMapper.shared().writeValueAsString(CONFIGS));

        JsonNode swift = JsonMapper.shared().readTree(PythonSwift.run(python, SCRIPT, input.toString()));

        for (int i = 0; i < CONFIGS.size(); i++) {
            String config = CONFIGS.get(i);
            JsonNode expected = swift.get(i);
            StoragePolicies ours;
            try {
                ours = SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n" + config).policies();
            } catch (IllegalArgumentException e) {
                assertThat(expected.has("error")).as("Swift accepts what Ringway rejects (%s):%n%s", e.getMessage(), config)
                        .isTrue();
                continue;
            }
            assertThat(expected.has("error")).as("Swift rejects (%s) what Ringway accepts:%n%s",
                    expected.path("error").asString(""), config).isFalse();
            assertThat(describe(ours)).as("policies of%n%s", config).isEqualTo(expected.get("policies").toString());
            assertThat(info(ours)).as("/info of%n%s", config).isEqualTo(expected.get("info").toString());
        }
    }

    private static final List<String> HASH_CONFIGS = List.of(
            "[swift-hash]\nswift_hash_path_suffix = plain\n",
            "[swift-hash]\nswift_hash_path_prefix:  spaced out  \nswift_hash_path_suffix = a=b:c\n",
            "[swift-hash]\nSWIFT_HASH_PATH_SUFFIX = 100%%-secret\n",
            "[DEFAULT]\nsecret = s3cr3t\n[swift-hash]\nswift_hash_path_suffix = x-%(secret)s-%(SECRET)s\n",
            "[swift-hash]\nswift_hash_path_suffix = first\n  second line\n\n",
            "[swift-hash]\nswift_hash_path_suffix = caf\u00e9 \u65e5\u672c # not a comment\n",
            "[swift-hash]\nswift_hash_path_suffix = 50%\n",
            "[swift-hash]\nswift_hash_path_suffix = %(missing)s\n");

    private static final String HASH_SCRIPT = """
            import json, sys
            from six.moves.configparser import ConfigParser, NoSectionError, NoOptionError
            results = []
            for text in json.load(open(sys.argv[1])):
                conf = ConfigParser()
                try:
                    conf.read_string(text)
                    values = []
                    for option in ('swift_hash_path_prefix', 'swift_hash_path_suffix'):
                        try:
                            values.append(conf.get('swift-hash', option))
                        except (NoSectionError, NoOptionError):
                            values.append('')
                    results.append(values)
                except Exception as e:
                    results.append({'error': str(e)})
            print(json.dumps(results))
            """;

    @Test
    void readsTheSameHashPathPrefixAndSuffixAsSwift(@TempDir Path dir) throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with Debian's swift module");
        Path input = dir.resolve("configs.json");
        Files.writeString(input, JsonMapper.shared().writeValueAsString(HASH_CONFIGS));

        JsonNode swift = JsonMapper.shared().readTree(PythonSwift.run(python, HASH_SCRIPT, input.toString()));

        for (int i = 0; i < HASH_CONFIGS.size(); i++) {
            String config = HASH_CONFIGS.get(i);
            JsonNode expected = swift.get(i);
            SwiftConf ours;
            try {
                ours = SwiftConf.parse(config);
            } catch (IllegalArgumentException e) {
                assertThat(expected.has("error")).as("Swift accepts what Ringway rejects (%s):%n%s", e.getMessage(), config)
                        .isTrue();
                continue;
            }
            assertThat(expected.isArray()).as("Swift rejects (%s) what Ringway accepts:%n%s",
                    expected.path("error").asString(""), config).isTrue();
            assertThat(List.of(ours.hashPath().prefix(), ours.hashPath().suffix())).as("hash path of%n%s", config)
                    .containsExactly(expected.get(0).asString(), expected.get(1).asString());
        }
    }

    private static String describe(StoragePolicies policies) {
        List<Object> rows = new ArrayList<>();
        for (StoragePolicy policy : policies.all()) {
            rows.add(List.of(policy.index(), policy.names(), policy.isDefault(), policy.deprecated()));
        }
        return JsonMapper.shared().writeValueAsString(rows);
    }

    private static String info(StoragePolicies policies) {
        List<Object> rows = new ArrayList<>();
        for (StoragePolicies.PolicyInfo info : policies.info()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", info.name());
            row.put("aliases", info.aliases());
            if (info.isDefault()) {
                row.put("default", true);
            }
            rows.add(row);
        }
        return JsonMapper.shared().writeValueAsString(rows);
    }
}
