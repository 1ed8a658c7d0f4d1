package cloud.dangjian.plugins.points.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The ledger's tamper evidence: each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical
 * fields, so changing, inserting or removing any entry breaks every hash after it.
 */
public final class HashChain {

    /** The previous hash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * The hash of an entry. Fields are length-prefixed, so no choice of reason text can make two different entries
     * serialise alike.
     */
    public static String hash(String prevHash, String tenantId, long seq, long memberId, EntryKind kind,
            String ruleEventType, Long taskId, Long correctsId, int points, String reason, Object sourceEventId,
            String grantedBy, Instant grantedAt, Object grantedOn) {
        StringBuilder canonical = new StringBuilder(prevHash);
        for (Object field : new Object[] { tenantId, seq, memberId, kind, ruleEventType, taskId, correctsId, points,
                reason, sourceEventId, grantedBy, micros(grantedAt), grantedOn }) {
            String text = Objects.toString(field, "");
            canonical.append('\n').append(text.length()).append(':').append(text);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The entry's own hash, recomputed from its stored fields. */
    public static String recompute(String tenantId, LedgerEntry entry) {
        return hash(entry.prevHash(), tenantId, entry.seq(), entry.memberId(), entry.kind(), entry.ruleEventType(),
                entry.taskId(), entry.correctsId(), entry.points(), entry.reason(), entry.sourceEventId(),
                entry.grantedBy(), entry.grantedAt(), entry.grantedOn());
    }

    /** Microseconds since the epoch: what PostgreSQL keeps of a timestamp. */
    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
