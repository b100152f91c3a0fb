package io.ringway.storage.container;

import io.ringway.storage.db.DatabaseInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container database as the container auditor checks it: Swift's {@code get_info()} must read. */
public final class ContainerAudits {

    private ContainerAudits() {
    }

    /** Reads the container's info; throws what SQLite says of a damaged database. */
    public static DatabaseInfo info(Connection connection) throws SQLException {
        ContainerInfo info = ContainerBroker.info(connection);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("account", info.account());
        fields.put("container", info.container());
        fields.put("created_at", info.createdAt());
        fields.put("put_timestamp", info.putTimestamp());
        fields.put("delete_timestamp", info.deleteTimestamp());
        fields.put("status_changed_at", info.statusChangedAt());
        fields.put("storage_policy_index", Integer.toString(info.storagePolicyIndex()));
        fields.put("object_count", Long.toString(info.objectCount()));
        fields.put("bytes_used", Long.toString(info.bytesUsed()));
        fields.put("reported_put_timestamp", info.reportedPutTimestamp());
        fields.put("reported_delete_timestamp", info.reportedDeleteTimestamp());
        fields.put("reported_object_count", Long.toString(info.reportedObjectCount()));
        fields.put("reported_bytes_used", Long.toString(info.reportedBytesUsed()));
        return new DatabaseInfo("/" + info.account() + "/" + info.container(), info.isDeleted(), fields, null);
    }
}
