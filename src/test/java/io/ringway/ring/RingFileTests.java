package io.ringway.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.testing.PythonSwift;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingFileTests {

    @TempDir
    Path dir;

    @Test
    void readsDevicesOfARingMadeBySwiftRingBuilder() throws IOException {
        RingData data = RingFileReader.read(RingVectors.resource("a-4zones.ring.gz"));

        assertThat(data.partPower()).isEqualTo(10);
        assertThat(data.replicaRows()).isEqualTo(3);
        assertThat(data.devices()).hasSize(4);
        assertThat(data.devices().get(2))
                .isEqualTo(new Device(2, 1, 3, "10.0.0.3", 6200, "10.0.0.3", 6200, "sdb1", 100.0, ""));
    }

    @Test
    void readsFractionalReplicasAndIdHolesMadeBySwiftRingBuilder() throws IOException {
        RingData data = RingFileReader.read(RingVectors.resource("c-fractional-holes.ring.gz"));

        assertThat(data.replicaCount()).isEqualTo(2.5);
        assertThat(data.rowLength(2)).isEqualTo(128);
        assertThat(data.devices().get(1)).isNull();
        assertThat(data.devices().get(5)).isNull();
    }

    @Test
    void roundTripsFractionalReplicasHolesAndVersion() throws IOException {
        RingData original = RingFileReader.read(RingVectors.resource("c-fractional-holes.ring.gz"));
        Path file = dir.resolve("object.ring.gz");

        RingFileWriter.write(original, file);
        RingData copy = RingFileReader.read(file);

        assertSameRing(copy, original);
        assertThat(copy.version()).isEqualTo(original.version());
    }

    @Test
    void writesFourByteIdsWhenADeviceIdNeedsThem() throws IOException {
        Device far = Device.of(70_000, 1, 1, "10.0.0.9", 6200, "sdz", 1);
        RingData original = RingBuilder.build(List.of(Device.of(0, 1, 1, "10.0.0.1", 6200, "sda", 1), far), 4, 1, 7);
        Path file = dir.resolve("wide.ring.gz");

        RingFileWriter.write(original, file);

        assertSameRing(RingFileReader.read(file), original);
    }

    @Test
    void rejectsLegacyPickledRings() throws IOException {
        Path file = gzip(new byte[] {(byte) 0x80, 0x02, '}', 'q', 0, '.'});

        assertThatThrownBy(() -> RingFileReader.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("magic \\x80\\x02}q (expected: R1NG; legacy pickled rings are not supported");
    }

    @Test
    void rejectsUnknownFormatVersions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("R1NG".getBytes(StandardCharsets.US_ASCII));
        out.writeShort(2);
        Path file = gzip(bytes.toByteArray());

        assertThatThrownBy(() -> RingFileReader.read(file))
                .hasMessageContaining("ring format version 2 (expected: 1)");
    }

    @Test
    void rejectsTruncatedRows() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RingFileWriter.write(RingFileReader.read(RingVectors.resource("a-4zones.ring.gz")), bytes);
        byte[] whole = bytes.toByteArray();

        // Cut into the second of three rows: only the last row may be short.
        byte[] cut = Arrays.copyOf(whole, whole.length - 2048 * 2 + 100);
        assertThatThrownBy(() -> RingFileReader.read(new ByteArrayInputStream(cut)))
                .hasMessageContaining("replica row 1 has 100 bytes (expected: 2048)");
    }

    @Test
    void rejectsTablesNamingMissingDevices() throws IOException {
        RingData data = RingFileReader.read(RingVectors.resource("c-fractional-holes.ring.gz"));
        int[][] table = {new int[256]};
        Arrays.fill(table[0], 5);

        assertThatThrownBy(() -> new RingData(8, data.devices(), table, null, null))
                .hasMessage("replica2part2dev[0][0]: device id 5 (expected: a device in devs)");
    }

    @Test
    void swiftLoadsRingsWrittenByRingwayIdentically() throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with Debian's swift module");
        for (String name : List.of("a-4zones.ring.gz", "b-2regions.ring.gz", "c-fractional-holes.ring.gz")) {
            Path original = RingVectors.resource(name);
            Path ours = dir.resolve(name);
            RingFileWriter.write(RingFileReader.read(original), ours);

            String verdict = PythonSwift.run(python, """
                    import sys
                    from swift.common.ring import RingData
                    a, b = RingData.load(sys.argv[1]), RingData.load(sys.argv[2])
                    same = (a.devs == b.devs and a._part_shift == b._part_shift and a.replica_count == b.replica_count
                            and [list(r) for r in a._replica2part2dev_id] == [list(r) for r in b._replica2part2dev_id])
                    print('same' if same else 'different')
                    """, original.toString(), ours.toString());

            assertThat(verdict).as(name).isEqualTo("same");
        }
    }

    private Path gzip(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "ring", ".ring.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    static void assertSameRing(RingData actual, RingData expected) {
        assertThat(actual.partPower()).isEqualTo(expected.partPower());
        assertThat(actual.devices()).isEqualTo(expected.devices());
        assertThat(actual.replicaRows()).isEqualTo(expected.replicaRows());
        for (int replica = 0; replica < expected.replicaRows(); replica++) {
            assertThat(actual.row(replica)).as("row %s", replica).isEqualTo(expected.row(replica));
        }
    }
}
