package io.ringway.storage.object;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout of our {@code .data} files. Swift keeps an object's metadata in xattrs, which ext4
 * cannot hold at Swift's sizes, so the metadata travels in the file itself, after the body:
 * {@code body | metadata JSON | JSON length (4 bytes) | magic "RWD1"}. After the body, because the
 * ETag and length are only known once the body is in; in the same file, so that one rename
 * commits body and metadata together. {@code .meta} and {@code .ts} files hold just the JSON.
 */
final class DataFileFormat {

    static final int TRAILER_LENGTH = 8;
    private static final int MAGIC = 0x52574431; // "RWD1"
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {
    };

    private DataFileFormat() {
    }

    static byte[] json(Map<String, String> metadata) {
        return JSON.writeValueAsBytes(metadata);
    }

    static Map<String, String> parseJson(byte[] json) throws IOException {
        try {
            return JSON.readValue(json, METADATA);
        } catch (JacksonException e) {
            throw new IOException("unreadable metadata: " + e.getOriginalMessage(), e);
        }
    }

    /** The bytes written after the body: the metadata and the trailer. */
    static ByteBuffer footer(Map<String, String> metadata) {
        byte[] json = json(metadata);
        ByteBuffer footer = ByteBuffer.allocate(json.length + TRAILER_LENGTH);
        footer.put(json).putInt(json.length).putInt(MAGIC).flip();
        return footer;
    }

    /** The body length and metadata of a data file, or {@code null} when it is not one of ours (Swift would quarantine it). */
    static @Nullable Stored read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < TRAILER_LENGTH) {
            return null;
        }
        ByteBuffer trailer = readFully(channel, size - TRAILER_LENGTH, TRAILER_LENGTH);
        int jsonLength = trailer.getInt();
        if (trailer.getInt() != MAGIC || jsonLength < 0 || jsonLength > size - TRAILER_LENGTH) {
            return null;
        }
        long bodyLength = size - TRAILER_LENGTH - jsonLength;
        ByteBuffer json = readFully(channel, bodyLength, jsonLength);
        Map<String, String> metadata = parseJson(json.array());
        if (!String.valueOf(bodyLength).equals(metadata.get("Content-Length"))) {
            return null;
        }
        return new Stored(bodyLength, metadata);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("data file shorter than its trailer says");
            }
        }
        return buffer.flip();
    }

    /** What a data file holds besides its body. */
    record Stored(long bodyLength, Map<String, String> metadata) {
    }
}
