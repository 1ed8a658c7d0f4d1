package cloud.dangjian.plugins.points.domain;

import java.time.LocalDate;
import java.util.UUID;

/** An entry about to be appended: everything but its place in the chain, which the ledger assigns. */
public record NewEntry(long memberId, EntryKind kind, String ruleEventType, Long taskId, Long correctsId, int points,
        String reason, UUID sourceEventId, String grantedBy, LocalDate grantedOn) {
}
