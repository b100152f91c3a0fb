package io.ringway.storage.account;

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
 * Container rows and account listings against what Swift 2.30.1's own {@code AccountBroker}
 * gives for the same {@code put_container} calls and {@code list_containers_iter} queries.
 */
final class AccountBrokerTests {

    private static final String T0 = "0000000000.00000";
    private static final String T2 = "0000000002.00000";
    private static final String T3 = "0000000003.00000";

    @TempDir
    Path dir;

    private Connection connection;

    @BeforeEach
    void createAccount() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
        AccountBroker.initialize(connection, "a", Timestamp.parse("1"), "0000000001.00000");
        for (String name : List.of("c1", "c2", "d-1", "d-2", "d", "e-x-y", "f")) {
            put(name, T2, T0, 1, 10);
        }
        put("c2", T2, T3, 0, 0);
        put("f", T2, T3, 4, 40);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void deletesARowOnlyWhenDeletedAfterItsPutAndEmpty() throws SQLException {
        AccountInfo info = AccountBroker.info(connection);
        assertThat(info.containerCount()).isEqualTo(6);
        assertThat(info.objectCount()).isEqualTo(9);
        assertThat(info.bytesUsed()).isEqualTo(90);
        assertThat(AccountBroker.policyStats(connection))
                .containsEntry(0, new AccountBroker.PolicyStats(6, 9, 90));
    }

    @Test
    void keepsTheNewestPutAndDeleteTimestampsButTheReportedCounts() throws SQLException {
        put("c1", "0000000001.50000", T0, 7, 70);
        List<String> rows = AccountBroker.listContainers(connection, q(10, "", null, "c1", null, false)).stream()
                .map(entry -> ((ListingEntry.Row<ContainerRecord>) entry).row())
                .map(row -> row.putTimestamp() + " " + row.objectCount())
                .toList();
        assertThat(rows).containsExactly(T2 + " 7");
        put("c1", "0000000001.50000", T3, 0, 0);
        assertThat(AccountBroker.info(connection).containerCount()).isEqualTo(5);
        put("c1", "0000000004.00000", T0, 0, 0);
        assertThat(AccountBroker.info(connection).containerCount()).isEqualTo(6);
    }

    @Test
    void listsLikeSwiftsListContainersIter() throws SQLException {
        assertThat(list(q(10000, "", null, null, null, false))).containsExactly("c1", "d", "d-1", "d-2", "e-x-y", "f");
        assertThat(list(q(10000, "", null, null, "-", false))).containsExactly("c1", "d", "d-(dir)", "e-(dir)", "f");
        assertThat(list(q(10000, "", null, null, "-", true))).containsExactly("f", "e-(dir)", "d-(dir)", "d", "c1");
        assertThat(list(q(10000, "", null, "d-", "-", false))).containsExactly("d-1", "d-2");
        assertThat(list(q(10000, "d-", null, null, "-", false))).containsExactly("e-(dir)", "f");
        assertThat(list(q(2, "c1", null, null, "-", false))).containsExactly("d", "d-(dir)");
        assertThat(list(q(10000, "", "e-x-z", "e-", "-", false))).containsExactly("e-x-(dir)");
    }

    private void put(String name, String put, String delete, long objects, long bytes) throws SQLException {
        AccountBroker.putContainer(connection, new ContainerRecord(name, put, delete, objects, bytes, false, 0));
    }

    private static ListingQuery q(int limit, String marker, @Nullable String endMarker, @Nullable String prefix,
            @Nullable String delimiter, boolean reverse) {
        return new ListingQuery(limit, marker, endMarker, prefix, delimiter, null, reverse, false);
    }

    private List<String> list(ListingQuery query) throws SQLException {
        return AccountBroker.listContainers(connection, query).stream()
                .map(entry -> entry instanceof ListingEntry.Subdir<ContainerRecord> subdir
                        ? subdir.name() + "(dir)"
                        : ((ListingEntry.Row<ContainerRecord>) entry).row().name())
                .toList();
    }
}
