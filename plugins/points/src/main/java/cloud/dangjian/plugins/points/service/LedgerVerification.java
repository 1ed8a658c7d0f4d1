package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.domain.HashChain;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Recomputes a tenant's hash chain from the first entry and reports the first entry that does not fit: changed (its
 * hash is not the hash of its fields), removed or reordered (a gap in the sequence, or a previous hash that is not its
 * predecessor's hash).
 */
@ApplicationScoped
public class LedgerVerification {

    /**
     * The outcome of a verification.
     *
     * @param entries
     *            how many entries were read
     * @param firstBroken
     *            the first entry that does not fit, or null when the chain is intact
     */
    public record Result(String tenant, boolean intact, long entries, String lastHash, Broken firstBroken) {
    }

    /** The first entry at fault and why. */
    public record Broken(long seq, long entryId, String reason) {
    }

    @Inject
    PointsLedger ledger;

    @Inject
    CurrentTenant currentTenant;

    @Transactional
    public Result verify() {
        String tenant = currentTenant.require();
        var state = new Object() {
            long count;
            long expectedSeq = 1;
            String previous = HashChain.GENESIS;
            Broken broken;
        };
        ledger.forEachInChain(entry -> {
            state.count++;
            if (state.broken != null) {
                return;
            }
            state.broken = check(tenant, entry, state.expectedSeq, state.previous);
            state.expectedSeq = entry.seq() + 1;
            state.previous = entry.hash();
        });
        return new Result(tenant, state.broken == null, state.count, state.previous, state.broken);
    }

    private static Broken check(String tenant, LedgerEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq() != expectedSeq) {
            return new Broken(entry.seq(), entry.id(), "entries " + expectedSeq + " to " + (entry.seq() - 1)
                    + " are missing: the chain jumps from " + (expectedSeq - 1) + " to " + entry.seq());
        }
        if (!entry.prevHash().equals(previousHash)) {
            return new Broken(entry.seq(), entry.id(),
                    "its previous hash is not the hash of entry " + (entry.seq() - 1));
        }
        if (!HashChain.recompute(tenant, entry).equals(entry.hash())) {
            return new Broken(entry.seq(), entry.id(),
                    "its fields do not match its hash: the entry was changed after it was written");
        }
        return null;
    }
}
