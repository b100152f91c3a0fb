package io.ringway.storage.audit;

import java.util.Map;

/**
 * What one container or account audit pass did.
 *
 * @param passed databases that read and agree with themselves
 * @param failed databases that did not (the damaged ones are also quarantined)
 * @param quarantined databases moved to {@code quarantined/}
 * @param startTime when the pass began, seconds since the epoch
 * @param elapsed how long it took, seconds
 */
public record DatabaseAuditStats(long passed, long failed, long quarantined, double startTime, double elapsed) {

    /** The recon cache entries of Swift's {@code db_auditor}, for {@code type} {@code account} or {@code container}. */
    Map<String, Object> recon(String type) {
        return Map.of(type + "_audits_passed", passed,
                type + "_audits_failed", failed,
                type + "_audits_since", startTime,
                type + "_auditor_pass_completed", elapsed);
    }
}
