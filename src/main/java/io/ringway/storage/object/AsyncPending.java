package io.ringway.storage.object;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container update that could not be delivered, saved as Swift's {@code async_pending} entry
 * ({@code op}, {@code account}, {@code container}, {@code obj}, {@code headers}), in JSON rather
 * than a pickle. It also names the container servers still owed the update: Swift's updater
 * looks them up in the container ring, which this node does not have.
 *
 * @param op {@code PUT} or {@code DELETE}
 * @param account account name
 * @param container container name
 * @param obj object name
 * @param headers the update's headers
 * @param targets the container servers not yet updated
 * @param containerPath {@code account/container} of the shard to update instead of the root
 *     container ({@code X-Backend-Container-Path}), or {@code null}
 */
record AsyncPending(String op, String account, String container, String obj, Map<String, String> headers,
        List<Target> targets, @Nullable String containerPath) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    AsyncPending {
        requireNonNull(op, "op");
        requireNonNull(account, "account");
        requireNonNull(container, "container");
        requireNonNull(obj, "obj");
        headers = Map.copyOf(headers);
        targets = List.copyOf(targets);
    }

    /** The object path the update names: {@code /account/container/obj}, or the shard's {@code /path/obj}. */
    String objectPath() {
        if (containerPath != null) {
            return "/" + containerPath + "/" + obj;
        }
        return "/" + account + "/" + container + "/" + obj;
    }

    AsyncPending withTargets(List<Target> remaining) {
        return new AsyncPending(op, account, container, obj, headers, remaining, containerPath);
    }

    static AsyncPending read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), AsyncPending.class);
        } catch (JacksonException e) {
            throw new IOException("unreadable async pending " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes durably and atomically, as Swift's {@code write_pickle}: temp file in {@code tmpDir}, fsync, rename. */
    void write(Path file, Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        Files.createDirectories(file.getParent());
        Path temp = tmpDir.resolve("async" + UUID.randomUUID().toString().replace("-", ""));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer json = ByteBuffer.wrap(JSON.writeValueAsBytes(this));
                while (json.hasRemaining()) {
                    channel.write(json);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ObjectDiskFiles.fsyncDirectory(file.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A container server owed the update.
     *
     * @param host {@code ip:port}
     * @param device its device
     * @param partition the container's partition
     */
    record Target(String host, String device, String partition) {
    }
}
