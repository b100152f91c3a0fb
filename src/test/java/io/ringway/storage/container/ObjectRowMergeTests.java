package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.db.ListingEntry;
import io.ringway.storage.db.ListingQuery;
import io.ringway.swift.Timestamp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object row merging and the timestamps packed into {@code created_at}, against what Swift
 * 2.30.1's {@code ContainerBroker.put_object} and {@code encode/decode_timestamps} give.
 */
final class ObjectRowMergeTests {

    @TempDir
    Path dir;

    private Connection connection;

    @BeforeEach
    void createContainer() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.db"));
        ContainerBroker.initialize(connection, "a", "c", Timestamp.parse("1"), "0000000001.00000", 0);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void encodesTimestampsAsSwift() {
        Timestamp data = Timestamp.parse("1700000002.12345");
        assertThat(new EncodedTimestamps(data, data, data).encode()).isEqualTo("1700000002.12345");
        assertThat(new EncodedTimestamps(data, Timestamp.parse("1700000003"), Timestamp.parse("1700000004.5"))
                .encode()).isEqualTo("1700000002.12345+15667+249f0");
        Timestamp withOffset = new Timestamp(data.raw(), 1);
        Timestamp earlier = Timestamp.parse("1700000001");
        assertThat(new EncodedTimestamps(withOffset, earlier, earlier).encode())
                .isEqualTo("1700000002.12345_1-1b6d9+0");
    }

    @Test
    void decodesTimestampsAsSwift() {
        EncodedTimestamps decoded = EncodedTimestamps.decode("1700000002.12345+1adb3+249f0");
        assertThat(decoded.data().internal()).isEqualTo("1700000002.12345");
        assertThat(decoded.contentType().internal()).isEqualTo("1700000003.22348");
        assertThat(decoded.meta().internal()).isEqualTo("1700000004.72348");
        EncodedTimestamps negative = EncodedTimestamps.decode("1700000002.12345_1-1adb3+0");
        assertThat(negative.data().internal()).isEqualTo("1700000002.12345_0000000000000001");
        assertThat(negative.contentType().internal()).isEqualTo("1700000001.02342");
        assertThat(negative.meta().internal()).isEqualTo("1700000001.02342");
        EncodedTimestamps plain = EncodedTimestamps.decode("1700000002.12345");
        assertThat(plain.contentType()).isEqualTo(plain.data());
        assertThat(plain.meta()).isEqualTo(plain.data());
    }

    @Test
    void takesEachAttributeFromTheNewestOfItsTimestamps() throws SQLException {
        merge("0000000002.00000", 5, "text/plain;swift_bytes=9", "e1", null, null);
        merge("0000000002.00000", 5, "image/png", "e1", "0000000003.00000", "0000000003.00000");
        assertThat(row()).isEqualTo(
                new ObjectRecord("o", "0000000002.00000+186a0+0", 5, "image/png;swift_bytes=9", "e1", false, 0));

        merge("0000000002.50000", 5, "x/y", "e2", null, null);
        assertThat(row()).isEqualTo(new ObjectRecord("o", "0000000002.50000+c350+0", 5, "image/png", "e2", false, 0));

        merge("0000000004.00000", 7, "x/z", "e3", null, null);
        assertThat(row()).isEqualTo(new ObjectRecord("o", "0000000004.00000", 7, "x/z", "e3", false, 0));
    }

    @Test
    void ignoresAnUpdateOlderInEveryTimestamp() throws SQLException {
        merge("0000000004.00000", 7, "x/z", "e3", null, null);
        merge("0000000003.00000", 9, "x/y", "e9", null, null);
        merge("0000000004.00000", 9, "x/y", "e9", null, null);
        assertThat(row()).isEqualTo(new ObjectRecord("o", "0000000004.00000", 7, "x/z", "e3", false, 0));
        ContainerBroker.mergeObject(connection, ObjectUpdate.of(ObjectRecord.tombstone("o", "0000000005.00000", 0)));
        assertThat(ContainerBroker.info(connection).objectCount()).isZero();
        merge("0000000004.50000", 9, "x/y", "e9", null, null);
        assertThat(ContainerBroker.info(connection).objectCount()).isZero();
        assertThat(ContainerBroker.info(connection).bytesUsed()).isZero();
    }

    @Test
    void listsTheMetadataTimeAndTheSwiftBytesSize() throws SQLException {
        merge("1700000002.00000", 5, "text/plain; charset=utf-8;swift_bytes=99", "e1", null, "1700000003.50000");
        List<ListingEntry<ObjectRecord>> rows = ContainerBroker.listObjects(connection, ListingQuery.all(10), 0);
        assertThat(ContainerListingBody.record(rows.get(0))).containsEntry("bytes", 99L)
                .containsEntry("content_type", "text/plain;charset=utf-8")
                .containsEntry("last_modified", "2023-11-14T22:13:23.500000");
    }

    @Test
    void extractsSwiftBytesAsParseContentType() {
        assertThat(SwiftBytes.extract("text/plain; charset=utf-8")).isEqualTo(
                new SwiftBytes("text/plain;charset=utf-8", null));
        assertThat(SwiftBytes.extract("a/b ; x = \"q;r\" ;swift_bytes=5; y=1"))
                .isEqualTo(new SwiftBytes("a/b ;x=\"q;r\";y=1", "5"));
        assertThat(SwiftBytes.extract("a/b;junk")).isEqualTo(new SwiftBytes("a/b;junk=", null));
        assertThat(SwiftBytes.extract("a/b;")).isEqualTo(new SwiftBytes("a/b", null));
    }

    private void merge(String createdAt, long size, String contentType, String etag,
            @Nullable String contentTypeTimestamp, @Nullable String metaTimestamp) throws SQLException {
        ContainerBroker.mergeObject(connection, new ObjectUpdate(
                new ObjectRecord("o", createdAt, size, contentType, etag, false, 0), contentTypeTimestamp,
                metaTimestamp));
    }

    private ObjectRecord row() throws SQLException {
        ListingQuery all = new ListingQuery(10, "", null, null, null, null, false, true);
        return ((ListingEntry.Row<ObjectRecord>) ContainerBroker.listObjects(connection, all, 0).get(0)).row();
    }
}
