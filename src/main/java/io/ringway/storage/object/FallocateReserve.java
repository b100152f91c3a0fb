package io.ringway.storage.object;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Swift's {@code fallocate_reserve}: space a write must leave free on the device, in bytes or as a
 * percentage of the device. Like Swift's {@code fallocate}, the check is
 * {@code free - size <= reserve} (both sides in percent for a percentage).
 */
record FallocateReserve(double value, boolean percent) {

    static FallocateReserve parse(String text) {
        try {
            if (text.endsWith("%")) {
                return new FallocateReserve(Double.parseDouble(text.substring(0, text.length() - 1)), true);
            }
            return new FallocateReserve(Long.parseLong(text), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "fallocateReserve: " + text + " (expected: bytes or a percentage such as 1%)", e);
        }
    }

    /** Whether writing {@code size} more bytes on the device of {@code path} would eat into the reserve. */
    boolean wouldExceed(Path path, long size) throws IOException {
        if (value <= 0) {
            return false;
        }
        FileStore store = Files.getFileStore(path);
        double free = (double) store.getUsableSpace() - size;
        if (percent) {
            free = free / store.getTotalSpace() * 100;
        }
        return free <= value;
    }
}
