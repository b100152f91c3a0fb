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
 * The listing queries against expectations produced by Swift 2.30.1's own
 * {@code ContainerBroker.list_objects_iter} on the same names (see the commit message for the
 * script): {@code (dir)} marks a subdir entry.
 */
final class ContainerListingQueryTests {

    private static final List<String> NAMES = List.of("a", "a/", "a/b", "a/b/c", "a/c", "a-b", "b", "b/x", "b/y/z",
            "ba", "c", "c/", "d/e/f", "é", "é/x", "\uD83D\uDE00", "\uFF61", "zz");

    @TempDir
    Path dir;

    private Connection connection;

    @BeforeEach
    void createContainer() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.db"));
        ContainerBroker.initialize(connection, "a", "c", Timestamp.parse("1"), "0000000001.00000", 0);
        for (String name : NAMES) {
            ContainerBroker.mergeObject(connection,
                    ObjectUpdate.of(new ObjectRecord(name, "0000000002.00000", 1, "text/plain", "e", false, 0)));
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void listsEverythingInCodePointOrder() throws SQLException {
        assertThat(list(q(10000, "", null, null, null, null, false))).containsExactly("a", "a-b", "a/", "a/b",
                "a/b/c", "a/c", "b", "b/x", "b/y/z", "ba", "c", "c/", "d/e/f", "zz", "é", "é/x", "\uFF61",
                "\uD83D\uDE00");
    }

    @Test
    void filtersByPrefix() throws SQLException {
        assertThat(list(q(10000, "", null, "a", null, null, false)))
                .containsExactly("a", "a-b", "a/", "a/b", "a/b/c", "a/c");
        assertThat(list(q(10000, "", null, "a/", null, null, false))).containsExactly("a/", "a/b", "a/b/c", "a/c");
        assertThat(list(q(10000, "", null, "é", null, null, false))).containsExactly("é", "é/x");
    }

    @Test
    void rollsUpNamesUnderTheDelimiterIntoSubdirs() throws SQLException {
        assertThat(list(q(10000, "", null, null, "/", null, false))).containsExactly("a", "a-b", "a/(dir)", "b",
                "b/(dir)", "ba", "c", "c/(dir)", "d/(dir)", "zz", "é", "é/(dir)", "\uFF61", "\uD83D\uDE00");
        assertThat(list(q(10000, "", null, "a/", "/", null, false))).containsExactly("a/", "a/b", "a/b/(dir)", "a/c");
        assertThat(list(q(10000, "", null, "b", "y", null, false))).containsExactly("b", "b/x", "b/y(dir)", "ba");
        assertThat(list(q(10000, "", null, null, "-", null, false))).containsExactly("a", "a-(dir)", "a/", "a/b",
                "a/b/c", "a/c", "b", "b/x", "b/y/z", "ba", "c", "c/", "d/e/f", "zz", "é", "é/x", "\uFF61",
                "\uD83D\uDE00");
    }

    @Test
    void skipsTheSubdirEqualToTheMarker() throws SQLException {
        assertThat(list(q(10000, "a/", null, null, "/", null, false))).containsExactly("b", "b/(dir)", "ba", "c",
                "c/(dir)", "d/(dir)", "zz", "é", "é/(dir)", "\uFF61", "\uD83D\uDE00");
        assertThat(list(q(10000, "b", null, null, "/", null, false))).containsExactly("b/(dir)", "ba", "c",
                "c/(dir)", "d/(dir)", "zz", "é", "é/(dir)", "\uFF61", "\uD83D\uDE00");
    }

    @Test
    void stopsBeforeTheEndMarker() throws SQLException {
        assertThat(list(q(10000, "", "c", null, "/", null, false)))
                .containsExactly("a", "a-b", "a/(dir)", "b", "b/(dir)", "ba");
        assertThat(list(q(10000, "a/b", "b/y", null, null, null, false))).containsExactly("a/b/c", "a/c", "b", "b/x");
        assertThat(list(q(10000, "", "d/e/g", "d/", "/", null, false))).containsExactly("d/e/(dir)");
        assertThat(list(q(10000, "", "a", "zz", null, null, false))).isEmpty();
        assertThat(list(q(10000, "\uFF61", null, null, null, null, false))).containsExactly("\uD83D\uDE00");
    }

    @Test
    void reversesWithSwappedMarkers() throws SQLException {
        assertThat(list(q(10000, "", null, null, "/", null, true))).containsExactly("\uD83D\uDE00", "\uFF61",
                "é/(dir)", "é", "zz", "d/(dir)", "c/(dir)", "c", "ba", "b/(dir)", "b", "a/(dir)", "a-b", "a");
        assertThat(list(q(10000, "", null, "a", "/", null, true))).containsExactly("a/(dir)", "a-b", "a");
        assertThat(list(q(10000, "b", "a", null, null, null, true)))
                .containsExactly("a/c", "a/b/c", "a/b", "a/", "a-b");
    }

    @Test
    void countsSubdirsAgainstTheLimit() throws SQLException {
        assertThat(list(q(3, "", null, null, "/", null, false))).containsExactly("a", "a-b", "a/(dir)");
        assertThat(list(q(3, "b/", null, null, "/", null, false))).containsExactly("ba", "c", "c/(dir)");
    }

    @Test
    void listsOnlyTheDirectChildrenOfAPath() throws SQLException {
        assertThat(list(q(10000, "", null, null, null, "a", false))).containsExactly("a/b", "a/c");
        assertThat(list(q(10000, "", null, null, null, "", false)))
                .containsExactly("a", "a-b", "a/", "b", "ba", "c", "c/", "zz", "é", "\uFF61", "\uD83D\uDE00");
    }

    @Test
    void leavesOutDeletedRowsAndOtherPolicies() throws SQLException {
        ContainerBroker.mergeObject(connection, ObjectUpdate.of(ObjectRecord.tombstone("b", "0000000003.00000", 0)));
        ContainerBroker.mergeObject(connection,
                ObjectUpdate.of(new ObjectRecord("bb", "0000000003.00000", 1, "text/plain", "e", false, 1)));
        assertThat(list(q(10000, "", null, "b", null, null, false))).containsExactly("b/x", "b/y/z", "ba");
    }

    private static ListingQuery q(int limit, String marker, @Nullable String endMarker, @Nullable String prefix,
            @Nullable String delimiter, @Nullable String path, boolean reverse) {
        return new ListingQuery(limit, marker, endMarker, prefix, delimiter, path, reverse, false);
    }

    private List<String> list(ListingQuery query) throws SQLException {
        return ContainerBroker.listObjects(connection, query, 0).stream()
                .map(entry -> entry instanceof ListingEntry.Subdir<ObjectRecord> subdir
                        ? subdir.name() + "(dir)"
                        : ((ListingEntry.Row<ObjectRecord>) entry).row().name())
                .toList();
    }
}
