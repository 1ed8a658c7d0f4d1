package cloud.dangjian.plugins.points.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of the points ledger (积分台账) as stored: who earned how many points, why, on whose authority, and its link in
 * the tenant's hash chain.
 */
public record LedgerEntry(long id, long seq, long memberId, EntryKind kind, String ruleEventType, Long taskId,
        Long correctsId, int points, String reason, UUID sourceEventId, String grantedBy, Instant grantedAt,
        LocalDate grantedOn, String prevHash, String hash) {
}
