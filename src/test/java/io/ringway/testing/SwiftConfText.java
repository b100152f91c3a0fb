package io.ringway.testing;

/**
 * swift.conf texts for tests that write the embedded cluster's before its first start: a fixed
 * hash path prefix and suffix, and policy 0 as the default, followed by the test's own sections.
 */
public final class SwiftConfText {

    /** A fixed {@code [swift-hash]} section. */
    public static final String HASH = """
            [swift-hash]
            swift_hash_path_prefix = 0123456789abcdef
            swift_hash_path_suffix = fedcba9876543210

            """;

    private SwiftConfText() {
    }

    /** {@link #HASH}, policy 0 ({@code Policy-0}, the default), then {@code sections}. */
    public static String withDefaultPolicy0(String sections) {
        return HASH + """
                [storage-policy:0]
                name = Policy-0
                default = yes

                """ + sections;
    }

    /** A {@code policy_type = federated} section. */
    public static String federated(int index, String name, String target) {
        return "[storage-policy:" + index + "]\nname = " + name + "\npolicy_type = federated\ntarget = " + target
                + "\n\n";
    }
}
