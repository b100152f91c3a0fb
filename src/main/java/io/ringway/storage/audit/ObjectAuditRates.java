package io.ringway.storage.audit;

/**
 * How fast the object auditor goes (Swift's settings of the same names).
 *
 * @param filesPerSecond files a second in an {@code ALL} pass ({@code files_per_second}, 20)
 * @param bytesPerSecond body bytes a second read in an {@code ALL} pass ({@code bytes_per_second}, 10000000)
 * @param zeroByteFilesPerSecond files a second in a {@code ZBF} pass ({@code zero_byte_files_per_second}, 50)
 */
public record ObjectAuditRates(double filesPerSecond, long bytesPerSecond, double zeroByteFilesPerSecond) {

    /** Swift's defaults. */
    public static ObjectAuditRates defaults() {
        return new ObjectAuditRates(20, 10_000_000, 50);
    }

    /** No limits (tests). */
    public static ObjectAuditRates unlimited() {
        return new ObjectAuditRates(0, 0, 0);
    }
}
