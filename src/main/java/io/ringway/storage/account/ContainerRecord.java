package io.ringway.storage.account;

/**
 * A row of the account's {@code container} table: the last state a container server reported.
 *
 * @param deleted deleted after its last PUT and empty
 */
record ContainerRecord(String name, String putTimestamp, String deleteTimestamp, long objectCount, long bytesUsed,
        boolean deleted, int storagePolicyIndex) {
}
