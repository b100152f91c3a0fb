package io.ringway.ring;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes ring files in Swift's format version 1, readable by Swift's {@code RingData.load}: the
 * JSON header has sorted keys like Swift's {@code json.dumps(sort_keys=True)}, rows are written
 * little-endian (what Swift writes on the hosts it runs on), and device ids take 2 bytes unless an
 * id needs 4, in which case the header says {@code dev_id_bytes: 4} as newer Swift releases do
 * (Swift 2.30 itself cannot read such files). The file is written to a temporary sibling and
 * renamed into place, so readers never see half a ring.
 *
 * <p>Blocking file IO: call it at startup or on a blocking-friendly scheduler, never on an event loop.
 */
public final class RingFileWriter {

    // Swift writes the header with ensure_ascii=True.
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Writes {@code data} to {@code file}, replacing it atomically. */
    public static void write(RingData data, Path file) throws IOException {
        requireNonNull(data, "data");
        requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)), 1 << 16)) {
                write(data, out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the uncompressed content of a ring file. */
    static void write(RingData data, OutputStream raw) throws IOException {
        int idBytes = maxDeviceId(data) > 0xFFFF ? 4 : 2;
        Map<String, Object> header = new TreeMap<>();
        header.put("byteorder", "little");
        header.put("devs", devs(data));
        header.put("part_shift", 32 - data.partPower());
        header.put("replica_count", data.replicaRows());
        if (idBytes != 2) {
            header.put("dev_id_bytes", idBytes);
        }
        if (data.version() != null) {
            header.put("version", data.version());
        }
        if (data.nextPartPower() != null) {
            header.put("next_part_power", data.nextPartPower());
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.US_ASCII);
        DataOutputStream out = new DataOutputStream(raw);
        out.write(new byte[] {'R', '1', 'N', 'G'});
        out.writeShort(1);
        out.writeInt(json.length);
        out.write(json);
        for (int replica = 0; replica < data.replicaRows(); replica++) {
            int[] row = data.row(replica);
            ByteBuffer buffer = ByteBuffer.allocate(row.length * idBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int id : row) {
                if (idBytes == 2) {
                    buffer.putShort((short) id);
                } else {
                    buffer.putInt(id);
                }
            }
            out.write(buffer.array());
        }
        out.flush();
    }

    private RingFileWriter() {
    }

    private static List<@Nullable Object> devs(RingData data) {
        List<@Nullable Object> devs = new ArrayList<>(data.devices().size());
        for (Device device : data.devices()) {
            if (device == null) {
                devs.add(null);
                continue;
            }
            Map<String, Object> dev = new TreeMap<>();
            dev.put("device", device.device());
            dev.put("id", device.id());
            dev.put("ip", device.ip());
            dev.put("meta", device.meta());
            dev.put("port", device.port());
            dev.put("region", device.region());
            dev.put("replication_ip", device.replicationIp());
            dev.put("replication_port", device.replicationPort());
            dev.put("weight", device.weight());
            dev.put("zone", device.zone());
            devs.add(dev);
        }
        return devs;
    }

    private static int maxDeviceId(RingData data) {
        return data.devices().size() - 1;
    }
}
