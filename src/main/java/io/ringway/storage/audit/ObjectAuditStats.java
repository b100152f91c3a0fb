package io.ringway.storage.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one object audit pass did, in Swift's recon keys ({@code object_auditor_stats_ALL|ZBF}).
 *
 * @param passes objects audited without an error (Swift counts the quarantined among them)
 * @param quarantined objects quarantined: damaged, a wrong MD5 or size, or a watcher's request
 * @param errors objects whose audit failed unexpectedly (an I/O error, say): left in place
 * @param bytesProcessed bytes of bodies read (0 in a ZBF pass)
 * @param startTime when the pass began, seconds since the epoch
 * @param auditTime seconds spent auditing, without the rate limits' waits
 */
public record ObjectAuditStats(long passes, long quarantined, long errors, long bytesProcessed, double startTime,
        double auditTime) {

    /** The recon cache entry, with Swift's keys. */
    Map<String, Object> recon() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("errors", errors);
        entry.put("passes", passes);
        entry.put("quarantined", quarantined);
        entry.put("bytes_processed", bytesProcessed);
        entry.put("start_time", startTime);
        entry.put("audit_time", auditTime);
        return entry;
    }
}
