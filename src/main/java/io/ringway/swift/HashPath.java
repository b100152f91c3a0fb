package io.ringway.swift;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code hash_path}: the MD5 of {@code prefix + "/account[/container[/object]]" + suffix},
 * with the prefix and suffix of {@code swift.conf}'s {@code [swift-hash]} section. The digest picks
 * a path's ring partition and names its directory on a storage device.
 *
 * @param prefix {@code swift_hash_path_prefix}
 * @param suffix {@code swift_hash_path_suffix}
 */
public record HashPath(String prefix, String suffix) {

    /** One MD5 per thread: every request hashes its path, and the provider lookup costs more than the digest. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(HashPath::newMd5);

    public HashPath {
        requireNonNull(prefix, "prefix");
        requireNonNull(suffix, "suffix");
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new IllegalArgumentException(
                    "swift_hash_path_prefix and swift_hash_path_suffix are both empty (expected: at least one set)");
        }
    }

    /**
     * The 16-byte digest of a path. As in Swift, an empty container or object counts as absent,
     * and an object needs a container.
     */
    public byte[] digest(String account, @Nullable String container, @Nullable String object) {
        requireNonNull(account, "account");
        boolean hasContainer = container != null && !container.isEmpty();
        boolean hasObject = object != null && !object.isEmpty();
        if (hasObject && !hasContainer) {
            throw new IllegalArgumentException("container is required if object is provided");
        }
        StringBuilder path = new StringBuilder(prefix).append('/').append(account);
        if (hasContainer) {
            path.append('/').append(container);
        }
        if (hasObject) {
            path.append('/').append(object);
        }
        path.append(suffix);
        return md5().digest(path.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The digest in lower-case hex: the directory name Swift gives the path on disk. */
    public String hex(String account, @Nullable String container, @Nullable String object) {
        return HexFormat.of().formatHex(digest(account, container, object));
    }

    /** The ring partition of a digest: its top 32 bits shifted right by {@code 32 - partPower}. */
    public static int partition(byte[] digest, int partPower) {
        long top = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16)
                | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
        return (int) (top >>> (32 - partPower));
    }

    private static MessageDigest md5() {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return md5;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
