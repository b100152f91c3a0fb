package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Swift ring files ({@code *.ring.gz}) in format version 1, as Swift's
 * {@code RingData.deserialize_v1}: gzip around the magic {@code R1NG}, a big-endian short
 * version, a big-endian int JSON length, the JSON header ({@code devs}, {@code part_shift},
 * {@code replica_count}, {@code byteorder}, optional {@code dev_id_bytes}, {@code version},
 * {@code next_part_power}), then one row of device ids per replica in the header's byte order.
 * The last row may end early: that is how a fractional replica count is stored. Legacy pickled
 * rings are rejected, since reading them would mean running a Python unpickler.
 *
 * <p>Blocking file IO: call it at startup or on a blocking-friendly scheduler, never on an event loop.
 */
public final class RingFileReader {

    private static final byte[] MAGIC = {'R', '1', 'N', 'G'};
    private static final JsonMapper JSON = JsonMapper.shared();

    /** Reads and validates a ring file; any problem is an {@link IOException} naming the file. */
    public static RingData read(Path file) throws IOException {
        requireNonNull(file, "file");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        } catch (IOException | IllegalArgumentException | JacksonException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("ring file " + file + ": " + reason, e);
        }
    }

    /** Reads the uncompressed content of a ring file. */
    static RingData read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = in.readNBytes(4);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("magic " + printable(magic)
                    + " (expected: R1NG; legacy pickled rings are not supported, rewrite the ring with a current"
                    + " swift-ring-builder <builder> write_ring)");
        }
        int formatVersion = in.readUnsignedShort();
        if (formatVersion != 1) {
            throw new IllegalArgumentException("ring format version " + formatVersion + " (expected: 1)");
        }
        long jsonLength = in.readInt() & 0xFFFFFFFFL;
        if (jsonLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("JSON header length " + jsonLength + " (expected: < 2 GiB)");
        }
        byte[] json = in.readNBytes((int) jsonLength);
        if (json.length != jsonLength) {
            throw new EOFException("JSON header is " + json.length + " bytes (expected: " + jsonLength + ")");
        }
        JsonNode header = JSON.readTree(new ByteArrayInputStream(json));
        int partShift = requiredInt(header, "part_shift");
        if (partShift < 32 - RingData.MAX_PART_POWER || partShift > 32) {
            throw new IllegalArgumentException("part_shift: " + partShift
                    + " (expected: " + (32 - RingData.MAX_PART_POWER) + "..32)");
        }
        int partPower = 32 - partShift;
        int rows = requiredInt(header, "replica_count");
        if (rows < 1) {
            throw new IllegalArgumentException("replica_count: " + rows + " (expected: >= 1)");
        }
        ByteOrder order = byteOrder(header.path("byteorder"));
        int idBytes = header.path("dev_id_bytes").asInt(2);
        if (idBytes != 2 && idBytes != 4) {
            throw new IllegalArgumentException("dev_id_bytes: " + idBytes + " (expected: 2 or 4)");
        }
        int partitions = 1 << partPower;
        int[][] table = new int[rows][];
        for (int replica = 0; replica < rows; replica++) {
            table[replica] = readRow(in, partitions, idBytes, order, replica, replica == rows - 1);
        }
        return new RingData(partPower, devices(header.path("devs")), table,
                optionalInt(header, "version"), optionalInt(header, "next_part_power"));
    }

    private static int[] readRow(DataInputStream in, int partitions, int idBytes, ByteOrder order,
            int replica, boolean last) throws IOException {
        byte[] bytes = in.readNBytes(partitions * idBytes);
        // Swift reads every row with read(2 * partitions); only the last (partial replica) may come up short.
        if (bytes.length % idBytes != 0 || bytes.length == 0 || (bytes.length < partitions * idBytes && !last)) {
            throw new EOFException("replica row " + replica + " has " + bytes.length + " bytes (expected: "
                    + partitions * idBytes + (last ? ", or fewer for a partial last replica" : "") + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        int[] row = new int[bytes.length / idBytes];
        for (int part = 0; part < row.length; part++) {
            row[part] = idBytes == 2 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        }
        return row;
    }

    private RingFileReader() {
    }

    private static List<@Nullable Device> devices(JsonNode devs) {
        if (!devs.isArray()) {
            throw new IllegalArgumentException("devs: " + devs.getNodeType() + " (expected: an array)");
        }
        List<@Nullable Device> devices = new ArrayList<>(devs.size());
        for (JsonNode dev : devs.values()) {
            devices.add(dev.isNull() ? null : device(dev));
        }
        return devices;
    }

    private static Device device(JsonNode dev) {
        String ip = dev.path("ip").asString("");
        int port = dev.path("port").asInt(0);
        // Swift's Ring._reload defaults: region 1, replication address = client address.
        return new Device(
                requiredInt(dev, "id"),
                dev.path("region").asInt(1),
                dev.path("zone").asInt(0),
                ip,
                port,
                dev.path("replication_ip").asString(ip),
                dev.path("replication_port").asInt(port),
                dev.path("device").asString(""),
                dev.path("weight").asDouble(0),
                dev.path("meta").asString(""));
    }

    private static ByteOrder byteOrder(JsonNode node) {
        // Swift assumes its own byte order when the header has none.
        if (node.isMissingNode() || node.isNull()) {
            return ByteOrder.nativeOrder();
        }
        String name = node.asString();
        if (name.equals("little")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (name.equals("big")) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new IllegalArgumentException("byteorder: " + name + " (expected: little or big)");
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: an integer)");
        }
        return value.asInt();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? value.asInt() : null;
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? Character.toString(b) : String.format("\\x%02x", b & 0xff));
        }
        return text.toString();
    }
}
