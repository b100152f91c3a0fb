package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where one object lives on one device, in Swift's layout: data in
 * {@code objects[-N]/partition/hash[-3:]/hash}, temporary files in {@code tmp[-N]}, async pending
 * updates in {@code async_pending[-N]/hash[-3:]}.
 *
 * @param device the device directory
 * @param policyIndex the storage policy ({@code X-Backend-Storage-Policy-Index})
 * @param partition the ring partition directory name
 * @param hash {@code hash_path(account, container, object)} in hex
 * @param account account name
 * @param container container name
 * @param object object name
 */
record ObjectLocation(Path device, int policyIndex, String partition, String hash,
        String account, String container, String object) {

    ObjectLocation {
        requireNonNull(device, "device");
        requireNonNull(partition, "partition");
        requireNonNull(hash, "hash");
        requireNonNull(account, "account");
        requireNonNull(container, "container");
        requireNonNull(object, "object");
    }

    /** {@code objects}, {@code objects-1}, ...: Swift's {@code get_data_dir}. */
    static String policyDir(String base, int policyIndex) {
        return policyIndex == 0 ? base : base + "-" + policyIndex;
    }

    Path hashDir() {
        return device.resolve(policyDir("objects", policyIndex)).resolve(partition).resolve(suffix()).resolve(hash);
    }

    Path tmpDir() {
        return device.resolve(policyDir("tmp", policyIndex));
    }

    /** The async pending file of an update at {@code timestamp}, as Swift's {@code pickle_async_update} names it. */
    Path asyncPendingFile(String timestamp) {
        return device.resolve(policyDir("async_pending", policyIndex)).resolve(suffix()).resolve(hash + "-" + timestamp);
    }

    /** The object's full name, {@code /account/container/object}, as Swift's metadata {@code name}. */
    String name() {
        return "/" + account + "/" + container + "/" + object;
    }

    private String suffix() {
        return hash.substring(hash.length() - 3);
    }
}
