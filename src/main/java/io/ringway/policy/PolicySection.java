package io.ringway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one {@code [storage-policy:N]} section into a policy, with the checks of Swift's
 * {@code BaseStoragePolicy.__init__}, {@code from_config} and {@code _validate_policy_name}.
 * Every message starts with the section name.
 */
final class PolicySection {

    static final String PREFIX = "storage-policy:";

    /** Swift's {@code VALID_CHARS}: names travel in HTTP headers. */
    private static final String VALID_CHARS = "-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");
    private static final List<String> REPLICATION_OPTIONS =
            List.of("name", "aliases", "policy_type", "default", "deprecated", "diskfile_module");
    private static final List<String> FEDERATED_OPTIONS =
            List.of("name", "aliases", "policy_type", "default", "deprecated", "target");

    static StoragePolicy parse(String section, Map<String, String> options) {
        String where = section + ": ";
        int index = index(section.substring(PREFIX.length()), where);
        String type = options.getOrDefault("policy_type", "replication");
        boolean federated = type.equals("federated");
        if (!type.equals("replication") && !federated) {
            throw new IllegalArgumentException(where + "policy_type " + type
                    + " is not supported by Ringway (expected: replication)");
        }
        List<String> allowed = federated ? FEDERATED_OPTIONS : REPLICATION_OPTIONS;
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new IllegalArgumentException(where + "option " + option + " is not valid for policy_type "
                        + type + " (expected: one of " + String.join(", ", allowed) + ")");
            }
        }
        String name = options.getOrDefault("name", "");
        List<String> names = new ArrayList<>();
        addName(names, name, index, where);
        for (String alias : listFromCsv(options.getOrDefault("aliases", ""))) {
            // Swift skips an alias spelled exactly like the name.
            if (!alias.equals(name)) {
                addName(names, alias, index, where);
            }
        }
        boolean deprecated = trueValue(options.get("deprecated"));
        boolean isDefault = trueValue(options.get("default"));
        if (deprecated && isDefault) {
            throw new IllegalArgumentException(where + "deprecated = yes and default = yes"
                    + " (expected: a deprecated policy cannot be the default)");
        }
        List<String> aliases = names.subList(1, names.size());
        if (federated) {
            String target = options.getOrDefault("target", "");
            if (target.isEmpty()) {
                throw new IllegalArgumentException(where + "target is missing (expected: the remote cluster's name"
                        + " for policy_type federated)");
            }
            return new FederatedPolicy(index, name, aliases, isDefault, deprecated, target);
        }
        return new ReplicationPolicy(index, name, aliases, isDefault, deprecated);
    }

    /** Swift's {@code list_from_csv}. */
    static List<String> listFromCsv(String csv) {
        List<String> values = new ArrayList<>();
        for (String value : csv.split(",", -1)) {
            if (!value.strip().isEmpty()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    private PolicySection() {
    }

    private static int index(String text, String where) {
        try {
            int index = Integer.parseInt(text.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + "index " + text + " (expected: a non-negative integer)");
    }

    private static void addName(List<String> names, String name, int index, String where) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + "name is missing or empty (expected: a name)");
        }
        for (int i = 0; i < name.length(); i++) {
            if (VALID_CHARS.indexOf(name.charAt(i)) < 0) {
                throw new IllegalArgumentException(where + "name " + name
                        + " (expected: only ASCII letters, digits and '-', as names are used in HTTP headers)");
            }
        }
        if (name.equalsIgnoreCase(StoragePolicies.LEGACY_POLICY_NAME) && index != 0) {
            throw new IllegalArgumentException(where + "name " + name + " (expected: "
                    + StoragePolicies.LEGACY_POLICY_NAME + " only for policy index 0)");
        }
        for (String existing : names) {
            if (existing.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException(where + "name " + name
                        + " is given twice (expected: names unique ignoring case)");
            }
        }
        names.add(name);
    }

    /** Swift's {@code config_true_value}. */
    private static boolean trueValue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.toLowerCase(Locale.ROOT));
    }
}
