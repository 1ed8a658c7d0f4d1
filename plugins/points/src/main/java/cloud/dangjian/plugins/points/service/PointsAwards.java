package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.domain.EntryKind;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.NewEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * 附加积分 and corrections: what an organisation grants by hand, always with a reason, only to members inside the caller's
 * organisation subtree. A correction is a compensating entry; nothing in the ledger is ever edited.
 */
@ApplicationScoped
public class PointsAwards {

    @Inject
    PointsLedger ledger;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @Inject
    PointsApprovers approvers;

    @Transactional
    public LedgerEntry award(long memberId, int points, String reason, String grantedBy) {
        PointsConfig config = states.configuration(plugin.descriptor());
        if (points < 1 || points > config.maxAwardPoints()) {
            throw ProblemException.invalidField("points", "a bonus award is between 1 and " + config.maxAwardPoints()
                    + " points (the tenant's maxAwardPoints setting); " + points + " is not");
        }
        approvers.require(PointsApprovers.Kind.BONUS);
        requireWritableMember(memberId, "memberId");
        ledger.lockTenant();
        return ledger.append(new NewEntry(memberId, EntryKind.BONUS, null, null, null, points, reason.strip(), null,
                grantedBy, today()));
    }

    /**
     * Compensates an entry, wholly (points null) or in part. The entry and its corrections together stay between zero
     * and the entry's own points, so a correction can undo an entry but never turn it into its opposite.
     */
    @Transactional
    public LedgerEntry correct(long entryId, Integer points, String reason, String grantedBy) {
        approvers.require(PointsApprovers.Kind.CORRECTION);
        ledger.lockTenant();
        LedgerEntry entry = ledger.find(entryId)
                .orElseThrow(() -> ProblemException.invalidField("entryId", "no ledger entry " + entryId + " here"));
        if (entry.kind() == EntryKind.CORRECTION) {
            throw ProblemException.invalidField("entryId",
                    "entry " + entryId + " is itself a correction; correct the entry it corrects");
        }
        requireWritableMember(entry.memberId(), "entryId");
        long remaining = entry.points() + ledger.correctedBy(entryId);
        int change = points == null ? (int) -remaining : points;
        long after = remaining + change;
        long low = Math.min(0, entry.points());
        long high = Math.max(0, entry.points());
        if (change == 0 || after < low || after > high) {
            throw ProblemException.invalidField("points",
                    "entry " + entryId + " stands at " + remaining
                            + " points after earlier corrections; a correction must change it and keep it between "
                            + low + " and " + high + ", so " + change + " is refused");
        }
        return ledger.append(new NewEntry(entry.memberId(), EntryKind.CORRECTION, null, null, entryId, change,
                reason.strip(), null, grantedBy, today()));
    }

    /** The member, if they are of this tenant and inside the caller's organisation subtree. */
    public Member requireWritableMember(long memberId, String field) {
        Member member = members.findByIdOptional(memberId).orElseThrow(
                () -> ProblemException.invalidField(field, "no member with id " + memberId + " in this tenant"));
        Organisation branch = organisations.findById(member.branchId());
        access.requireWritable(branch, field);
        return member;
    }

    static LocalDate today() {
        return LocalDate.now(PointsLedger.ZONE);
    }
}
