package io.ringway.policy;

import static java.util.Objects.requireNonNull;

import io.ringway.swift.HashPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Ringway reads from Swift's {@code swift.conf}: {@code [swift-hash]} (the hash path prefix
 * and suffix, at least one of which must be set), the {@code [storage-policy:N]} sections and
 * {@code [swift-constraints]}. Parsed with Python ConfigParser semantics (see {@link ConfigFile});
 * every problem is an {@link IllegalArgumentException} whose message names the section, the
 * value and what was expected, meant to stop startup as Swift does.
 *
 * @param hashPath the {@code [swift-hash]} prefix and suffix
 * @param policies the storage policies
 * @param constraints the {@code [swift-constraints]} limits
 */
public record SwiftConf(HashPath hashPath, StoragePolicies policies, SwiftConstraints constraints) {

    /** The file name inside the swift directory ({@code /etc/swift}). */
    public static final String FILE_NAME = "swift.conf";

    /** Reads {@code swiftDir/swift.conf}. Blocking: call at startup. */
    public static SwiftConf load(Path swiftDir) {
        Path file = requireNonNull(swiftDir, "swiftDir").resolve(FILE_NAME);
        String text;
        try {
            // UTF-8 text gives HashPath the very bytes Swift hashes (it reads the file as latin1 and encodes back).
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses swift.conf text. */
    public static SwiftConf parse(String text) {
        ConfigFile conf = ConfigFile.parse(requireNonNull(text, "text"));
        String prefix = conf.get("swift-hash", "swift_hash_path_prefix");
        String suffix = conf.get("swift-hash", "swift_hash_path_suffix");
        if ((prefix == null || prefix.isEmpty()) && (suffix == null || suffix.isEmpty())) {
            throw new IllegalArgumentException("swift-hash: swift_hash_path_prefix and swift_hash_path_suffix are"
                    + " both missing or empty (expected: at least one set, to the cluster's secret values)");
        }
        HashPath hashPath = new HashPath(prefix == null ? "" : prefix, suffix == null ? "" : suffix);
        List<StoragePolicy> policies = new ArrayList<>();
        for (String section : conf.sectionNames()) {
            if (section.startsWith(PolicySection.PREFIX)) {
                policies.add(PolicySection.parse(section, conf.items(section)));
            }
        }
        SwiftConstraints constraints = conf.hasSection("swift-constraints")
                ? SwiftConstraints.from(option -> conf.get("swift-constraints", option))
                : SwiftConstraints.DEFAULTS;
        return new SwiftConf(hashPath, new StoragePolicies(policies), constraints);
    }

    public SwiftConf {
        requireNonNull(hashPath, "hashPath");
        requireNonNull(policies, "policies");
        requireNonNull(constraints, "constraints");
    }

}
