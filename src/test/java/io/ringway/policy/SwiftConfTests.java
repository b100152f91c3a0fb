package io.ringway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.swift.HashPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwiftConfTests {

    private static final String HASH = "[swift-hash]\nswift_hash_path_suffix = changeme\n";

    @Test
    void readsSwiftsSampleConfig() {
        SwiftConf conf = SwiftConf.parse("""
                # swift.conf as shipped by Swift, trimmed
                [swift-hash]
                swift_hash_path_suffix = changeme
                swift_hash_path_prefix = changeme

                [storage-policy:0]
                name = Policy-0
                default = yes
                #policy_type = replication
                aliases = yellow, orange

                [storage-policy:1]
                name = silver
                policy_type = replication
                deprecated = yes

                [swift-constraints]
                max_file_size = 1073741824
                valid_api_versions = v1, v1.0, v2
                """);

        assertThat(conf.hashPath()).isEqualTo(new HashPath("changeme", "changeme"));
        assertThat(conf.policies().all()).containsExactly(
                new ReplicationPolicy(0, "Policy-0", List.of("yellow", "orange"), true, false),
                new ReplicationPolicy(1, "silver", List.of(), false, true));
        assertThat(conf.policies().defaultPolicy().index()).isZero();
        assertThat(conf.constraints().maxFileSize()).isEqualTo(1073741824L);
        assertThat(conf.constraints().validApiVersions()).containsExactly("v1", "v1.0", "v2");
        assertThat(conf.constraints().maxMetaCount()).isEqualTo(90);
    }

    @Test
    void followsConfigParserSyntax() {
        SwiftConf conf = SwiftConf.parse("""
                ; a comment
                [DEFAULT]
                [swift-hash]
                  SWIFT_HASH_PATH_PREFIX:   pre   \s
                swift_hash_path_suffix=suf=fix
                [storage-policy:0]
                Name : gold
                aliases = a1,
                    a2 , a3
                """);

        assertThat(conf.hashPath()).isEqualTo(new HashPath("pre", "suf=fix"));
        StoragePolicy gold = conf.policies().byIndex(0).orElseThrow();
        assertThat(gold.name()).isEqualTo("gold");
        assertThat(gold.aliases()).containsExactly("a1", "a2", "a3");
        assertThat(gold.isDefault()).as("a lone policy is the default").isTrue();
    }

    @Test
    void keepsInlineHashesInValuesAsConfigParserDoes() {
        assertThatThrownBy(() -> SwiftConf.parse(HASH + "[storage-policy:0]\nname = gold # the best\n"))
                .hasMessageStartingWith("storage-policy:0: name gold # the best (expected: only ASCII letters");
    }

    @Test
    void mergesDefaultSectionIntoPolicySectionsAsConfigParserDoes() {
        assertThatThrownBy(() -> SwiftConf.parse("[DEFAULT]\nswift_dir = /etc/swift\n" + HASH
                + "[storage-policy:0]\nname = gold\n"))
                .hasMessageStartingWith("storage-policy:0: option swift_dir is not valid for policy_type replication");
    }

    @Test
    void interpolatesValuesAsConfigParserDoes() {
        SwiftConf conf = SwiftConf.parse("""
                [DEFAULT]
                base = abc
                [swift-hash]
                swift_hash_path_prefix = 100%% %(base)s
                swift_hash_path_suffix = %(BASE)s-%(other)s
                other = x%%y
                ignored = only used options are interpolated, so this 50% is fine
                """);

        assertThat(conf.hashPath()).isEqualTo(new HashPath("100% abc", "abc-x%y"));
        assertThatThrownBy(() -> SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = 50%\n"))
                .hasMessage("swift-hash: swift_hash_path_suffix has a bad '%' at % (expected: %% for a literal '%' or"
                        + " %(option)s)");
        assertThatThrownBy(() -> SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = %(nope)s\n"))
                .hasMessage("swift-hash: swift_hash_path_suffix refers to %(nope)s (expected: an option of the section"
                        + " or of [DEFAULT])");
        assertThatThrownBy(() -> SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = %(a)s\na = %(a)s\n"))
                .hasMessageContaining("nests %(...)s references more than 10 deep");
    }

    @Test
    void definesImplicitPolicyZeroWithoutPolicySections() {
        StoragePolicies policies = SwiftConf.parse(HASH).policies();

        assertThat(policies.all()).containsExactly(
                new ReplicationPolicy(0, "Policy-0", List.of(), true, false));
        assertThat(policies.info()).containsExactly(new StoragePolicies.PolicyInfo("Policy-0", "Policy-0", true));
        assertThat(SwiftConf.parse(HASH).constraints()).isEqualTo(SwiftConstraints.DEFAULTS);
    }

    @Test
    void findsPoliciesByIndexNameOrAliasIgnoringCase() {
        StoragePolicies policies = SwiftConf.parse(HASH + """
                [storage-policy:0]
                name = gold
                aliases = yellow
                [storage-policy:2]
                name = silver
                aliases = grey, Argent
                default = true
                [storage-policy:3]
                name = bronze
                deprecated = yes
                """).policies();

        assertThat(policies.byName("ARGENT")).map(StoragePolicy::index).contains(2);
        assertThat(policies.byName("Yellow")).map(StoragePolicy::index).contains(0);
        assertThat(policies.byName("platinum")).isEmpty();
        assertThat(policies.byIndex(3)).map(StoragePolicy::name).contains("bronze");
        assertThat(policies.byIndex(1)).isEmpty();
        assertThat(policies.defaultPolicy().name()).isEqualTo("silver");
        assertThat(policies.info()).containsExactly(
                new StoragePolicies.PolicyInfo("gold", "gold, yellow", false),
                new StoragePolicies.PolicyInfo("silver", "silver, grey, Argent", true));
        assertThat(((ReplicationPolicy) policies.byIndex(2).orElseThrow()).objectRingName()).isEqualTo("object-2");
        assertThat(((ReplicationPolicy) policies.byIndex(0).orElseThrow()).objectRingName()).isEqualTo("object");
    }

    @Test
    void parsesFederatedPolicies() {
        StoragePolicies policies = SwiftConf.parse(HASH + """
                [storage-policy:0]
                name = local
                default = yes
                [storage-policy:5]
                name = remote
                policy_type = federated
                target = cluster-b
                """).policies();

        assertThat(policies.byIndex(5)).contains(new FederatedPolicy(5, "remote", List.of(), false, false, "cluster-b"));
    }

    @Test
    void rejectsErasureCoding() {
        assertThatThrownBy(() -> SwiftConf.parse(HASH + """
                [storage-policy:0]
                name = gold
                default = yes
                [storage-policy:2]
                name = ec
                policy_type = erasure_coding
                ec_type = liberasurecode_rs_vand
                """))
                .hasMessage("storage-policy:2: policy_type erasure_coding is not supported by Ringway (expected: replication)");
    }

    @Test
    void rejectsMissingHashPathPrefixAndSuffix() {
        assertThatThrownBy(() -> SwiftConf.parse("[swift-hash]\nswift_hash_path_prefix =\n"))
                .hasMessageStartingWith("swift-hash: swift_hash_path_prefix and swift_hash_path_suffix are both missing");
        assertThatThrownBy(() -> SwiftConf.parse(""))
                .hasMessageStartingWith("swift-hash: swift_hash_path_prefix and swift_hash_path_suffix are both missing");
    }

    @Test
    void rejectsEachInvalidPolicyConfiguration() {
        assertRejected("[storage-policy:x]\nname = a\n", "storage-policy:x: index x (expected: a non-negative integer)");
        assertRejected("[storage-policy:-1]\nname = a\n", "storage-policy:-1: index -1 (expected: a non-negative integer)");
        assertRejected("[storage-policy:0]\ndefault = yes\n", "storage-policy:0: name is missing or empty (expected: a name)");
        assertRejected("[storage-policy:0]\nname = go_ld\n", "storage-policy:0: name go_ld (expected: only ASCII letters,"
                + " digits and '-', as names are used in HTTP headers)");
        assertRejected("[storage-policy:0]\nname = a\n[storage-policy:1]\nname = policy-0\ndefault = yes\n",
                "storage-policy:1: name policy-0 (expected: Policy-0 only for policy index 0)");
        assertRejected("[storage-policy:0]\nname = a\naliases = b, B\n",
                "storage-policy:0: name B is given twice (expected: names unique ignoring case)");
        assertRejected("[storage-policy:0]\nname = a\nfoo = bar\n",
                "storage-policy:0: option foo is not valid for policy_type replication (expected: one of name,"
                        + " aliases, policy_type, default, deprecated, diskfile_module)");
        assertRejected("[storage-policy:0]\nname = a\ndefault = yes\ndeprecated = yes\n",
                "storage-policy:0: deprecated = yes and default = yes (expected: a deprecated policy cannot be the default)");
        assertRejected("[storage-policy:0]\nname = a\n[storage-policy:00]\nname = b\n",
                "storage-policy:0: index 0 is defined twice (expected: unique indexes)");
        assertRejected("[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\naliases = A\n",
                "storage-policy:1: name A is already used by policy 0 (expected: unique names)");
        assertRejected("[storage-policy:0]\nname = a\ndefault = yes\n[storage-policy:1]\nname = b\ndefault = on\n",
                "storage-policy:1: default = yes, but policy 0 is the default already (expected: exactly one default)");
        assertRejected("[storage-policy:1]\nname = a\n",
                "storage-policy:0 is missing (expected: a section for policy index 0 whenever storage policies are defined)");
        assertRejected("[storage-policy:0]\nname = a\ndeprecated = yes\n",
                "all storage policies are deprecated (expected: at least one not)");
        assertRejected("[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\n",
                "no storage policy has default = yes (expected: exactly one default)");
        assertRejected("[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\npolicy_type = federated\n"
                + "default = yes\n", "storage-policy:1: target is missing (expected: the remote cluster's name for"
                + " policy_type federated)");
        assertRejected("[storage-policy:0]\nname = a\npolicy_type = mirror\n",
                "storage-policy:0: policy_type mirror is not supported by Ringway (expected: replication)");
    }

    @Test
    void rejectsBadConstraintsAndSyntax() {
        assertRejected("[swift-constraints]\nmax_meta_count = many\n",
                "swift-constraints: max_meta_count many (expected: an integer)");
        assertThatThrownBy(() -> SwiftConf.parse("name = a\n" + HASH))
                .hasMessage("swift.conf line 1: name = a (expected: a [section] header before any option)");
        assertThatThrownBy(() -> SwiftConf.parse(HASH + "just words\n"))
                .hasMessage("swift.conf line 3: just words (expected: key = value or key: value)");
    }

    @Test
    void loadsSwiftConfFromTheSwiftDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("swift.conf"), HASH + "[storage-policy:0]\nname = gold\n");

        assertThat(SwiftConf.load(dir).policies().defaultPolicy().name()).isEqualTo("gold");
        Files.writeString(dir.resolve("swift.conf"), HASH + "[storage-policy:0]\nname = \n");
        assertThatThrownBy(() -> SwiftConf.load(dir)).hasMessageContaining("swift.conf: storage-policy:0: name is missing");
    }

    private static void assertRejected(String sections, String message) {
        assertThatThrownBy(() -> SwiftConf.parse(HASH + sections)).hasMessage(message);
    }

    @Test
    void aNewerSetOfPoliciesReplacesTheOldOneButNeverDropsOrChangesTheKindOfAnIndex() {
        StoragePolicies policies = SwiftConf.parse(
                "[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\nname = gold\n").policies();

        policies.update(SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\nname = gold\n"
                + "deprecated = yes\n[storage-policy:1]\nname = silver\ndefault = yes\n").policies());
        assertThat(policies.defaultPolicy().name()).isEqualTo("silver");
        assertThat(policies.info()).extracting(StoragePolicies.PolicyInfo::name).containsExactly("silver");

        StoragePolicies withoutOne = SwiftConf.parse(
                "[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\nname = gold\n").policies();
        assertThatThrownBy(() -> policies.update(withoutOne)).hasMessageContaining("storage-policy:1 is gone");
        StoragePolicies federated = SwiftConf.parse("[swift-hash]\nswift_hash_path_suffix = s\n[storage-policy:0]\n"
                + "name = gold\n[storage-policy:1]\nname = silver\ndefault = yes\npolicy_type = federated\n"
                + "target = elsewhere\n").policies();
        assertThatThrownBy(() -> policies.update(federated)).hasMessageContaining("keeps its kind");
        assertThat(policies.byName("silver")).isPresent();
    }
}
