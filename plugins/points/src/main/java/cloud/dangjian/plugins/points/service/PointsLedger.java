package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.domain.AppraisalPeriod;
import cloud.dangjian.plugins.points.domain.EntryKind;
import cloud.dangjian.plugins.points.domain.HashChain;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.NewEntry;
import cloud.dangjian.plugins.points.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * The points ledger (积分台账) of the current tenant: appends entries to the tenant's hash chain, one writer per tenant at
 * a time, and reads them back. Entries are never changed; the database refuses the application any UPDATE or DELETE on
 * the table.
 */
@ApplicationScoped
public class PointsLedger {

    /** The calendar the platform's days and periods follow. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** First key of the advisory lock that serialises a tenant's appends ("PNTS"). */
    private static final int LOCK_CLASS = 0x504E5453;

    private static final String COLUMNS = """
            id, seq, member_id, kind, rule_event_type, task_id, corrects_id, points, reason, source_event_id,
            granted_by, granted_at, granted_on, prev_hash, hash""";

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    /**
     * Takes the current tenant's append lock until the transaction ends. Everything decided under it (caps, the chain's
     * tail, whether an event already earned) cannot change before the append commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockTenant() {
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, LOCK_CLASS).setParameter(2, currentTenant.require()).getSingleResult();
    }

    /** Appends an entry to the chain; the caller holds {@link #lockTenant()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(NewEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Appends entries to the chain in the given order, with one read of the chain's tail, one multi-row insert and one
     * update of the totals per member and period; the caller holds {@link #lockTenant()}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> appendAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        String tenant = currentTenant.require();
        return work(connection -> {
            long seq = 0;
            String prevHash = HashChain.GENESIS;
            try (PreparedStatement tail = connection.prepareStatement(
                    "SELECT seq, hash FROM points_ledger WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1")) {
                tail.setString(1, tenant);
                try (ResultSet rs = tail.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        prevHash = rs.getString(2);
                    }
                }
            }
            Instant grantedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            int n = entries.size();
            List<LedgerEntry> chained = new ArrayList<>(n);
            Long[] seqs = new Long[n];
            Long[] memberIds = new Long[n];
            String[] kinds = new String[n];
            String[] rules = new String[n];
            Long[] taskIds = new Long[n];
            Long[] correctsIds = new Long[n];
            Integer[] points = new Integer[n];
            String[] reasons = new String[n];
            UUID[] sources = new UUID[n];
            String[] grantors = new String[n];
            String[] days = new String[n];
            String[] prevHashes = new String[n];
            String[] hashes = new String[n];
            for (int i = 0; i < n; i++) {
                NewEntry entry = entries.get(i);
                seq++;
                String hash = HashChain.hash(prevHash, tenant, seq, entry.memberId(), entry.kind(),
                        entry.ruleEventType(), entry.taskId(), entry.correctsId(), entry.points(), entry.reason(),
                        entry.sourceEventId(), entry.grantedBy(), grantedAt, entry.grantedOn());
                seqs[i] = seq;
                memberIds[i] = entry.memberId();
                kinds[i] = entry.kind().name();
                rules[i] = entry.ruleEventType();
                taskIds[i] = entry.taskId();
                correctsIds[i] = entry.correctsId();
                points[i] = entry.points();
                reasons[i] = entry.reason();
                sources[i] = entry.sourceEventId();
                grantors[i] = entry.grantedBy();
                days[i] = entry.grantedOn().toString();
                prevHashes[i] = prevHash;
                hashes[i] = hash;
                chained.add(new LedgerEntry(0, seq, entry.memberId(), entry.kind(), entry.ruleEventType(),
                        entry.taskId(), entry.correctsId(), entry.points(), entry.reason(), entry.sourceEventId(),
                        entry.grantedBy(), grantedAt, entry.grantedOn(), prevHash, hash));
                prevHash = hash;
            }
            Map<Long, Long> idsBySeq = new HashMap<>(n * 2);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO points_ledger (tenant_id, seq, member_id, kind, rule_event_type, task_id, corrects_id,
                        points, reason, source_event_id, granted_by, granted_at, granted_on, prev_hash, hash)
                    SELECT ?, e.seq, e.member_id, e.kind, e.rule_event_type, e.task_id, e.corrects_id, e.points,
                        e.reason, e.source_event_id, e.granted_by, ?, CAST(e.granted_on AS date), e.prev_hash, e.hash
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS e (seq, member_id, kind, rule_event_type,
                        task_id, corrects_id, points, reason, source_event_id, granted_by, granted_on, prev_hash, hash)
                    ORDER BY e.seq
                    RETURNING seq, id""")) {
                int index = 1;
                insert.setString(index++, tenant);
                insert.setObject(index++, grantedAt.atOffset(ZoneOffset.UTC));
                insert.setArray(index++, connection.createArrayOf("bigint", seqs));
                insert.setArray(index++, connection.createArrayOf("bigint", memberIds));
                insert.setArray(index++, connection.createArrayOf("varchar", kinds));
                insert.setArray(index++, connection.createArrayOf("varchar", rules));
                insert.setArray(index++, connection.createArrayOf("bigint", taskIds));
                insert.setArray(index++, connection.createArrayOf("bigint", correctsIds));
                insert.setArray(index++, connection.createArrayOf("integer", points));
                insert.setArray(index++, connection.createArrayOf("varchar", reasons));
                insert.setArray(index++, connection.createArrayOf("uuid", sources));
                insert.setArray(index++, connection.createArrayOf("varchar", grantors));
                insert.setArray(index++, connection.createArrayOf("varchar", days));
                insert.setArray(index++, connection.createArrayOf("varchar", prevHashes));
                insert.setArray(index, connection.createArrayOf("varchar", hashes));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        idsBySeq.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            addToTotals(connection, tenant, entries);
            List<LedgerEntry> appended = new ArrayList<>(n);
            for (LedgerEntry e : chained) {
                appended.add(new LedgerEntry(idsBySeq.get(e.seq()), e.seq(), e.memberId(), e.kind(), e.ruleEventType(),
                        e.taskId(), e.correctsId(), e.points(), e.reason(), e.sourceEventId(), e.grantedBy(),
                        e.grantedAt(), e.grantedOn(), e.prevHash(), e.hash()));
            }
            return appended;
        });
    }

    /**
     * Adds entries' points to their members' totals of their month, quarter and year (one row per member and period,
     * however many entries it has in the batch), and moves each member between the per-total counts that ranks are read
     * from.
     */
    private static void addToTotals(Connection connection, String tenant, List<NewEntry> entries) throws SQLException {
        // (period key, member) -> points added, in a fixed order so that concurrent writers lock rows alike.
        Map<String, Map<Long, Long>> added = new TreeMap<>();
        for (NewEntry entry : entries) {
            for (AppraisalPeriod kind : AppraisalPeriod.values()) {
                added.computeIfAbsent(Period.containing(kind, entry.grantedOn()).key(), key -> new TreeMap<>())
                        .merge(entry.memberId(), (long) entry.points(), Long::sum);
            }
        }
        List<String> keys = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        added.forEach((key, byMember) -> byMember.forEach((member, delta) -> {
            keys.add(key);
            members.add(member);
            deltas.add(delta);
        }));
        // (period key, total) -> change in the number of members standing at that total.
        Map<String, Map<Long, Long>> moves = new TreeMap<>();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO points_totals (tenant_id, period_key, member_id, total)
                SELECT ?, u.period_key, u.member_id, u.delta FROM unnest(?, ?, ?) AS u (period_key, member_id, delta)
                ORDER BY u.period_key, u.member_id
                ON CONFLICT (tenant_id, period_key, member_id)
                DO UPDATE SET total = points_totals.total + EXCLUDED.total
                RETURNING period_key, member_id, total, (xmax = 0) AS inserted""")) {
            upsert.setString(1, tenant);
            upsert.setArray(2, connection.createArrayOf("varchar", keys.toArray(String[]::new)));
            upsert.setArray(3, connection.createArrayOf("bigint", members.toArray(Long[]::new)));
            upsert.setArray(4, connection.createArrayOf("bigint", deltas.toArray(Long[]::new)));
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    long after = rs.getLong(3);
                    Map<Long, Long> ofKey = moves.computeIfAbsent(key, k -> new TreeMap<>());
                    if (!rs.getBoolean(4)) {
                        long before = after - added.get(key).get(rs.getLong(2));
                        ofKey.merge(before, -1L, Long::sum);
                    }
                    ofKey.merge(after, 1L, Long::sum);
                }
            }
        }
        keys.clear();
        List<Long> totals = new ArrayList<>();
        deltas.clear();
        moves.forEach((key, byTotal) -> byTotal.forEach((total, delta) -> {
            if (delta != 0) {
                keys.add(key);
                totals.add(total);
                deltas.add(delta);
            }
        }));
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement move = connection.prepareStatement("""
                INSERT INTO points_total_counts (tenant_id, period_key, total, members)
                SELECT ?, u.period_key, u.total, u.delta FROM unnest(?, ?, ?) AS u (period_key, total, delta)
                ORDER BY u.period_key, u.total
                ON CONFLICT (tenant_id, period_key, total)
                DO UPDATE SET members = points_total_counts.members + EXCLUDED.members""")) {
            move.setString(1, tenant);
            move.setArray(2, connection.createArrayOf("varchar", keys.toArray(String[]::new)));
            move.setArray(3, connection.createArrayOf("bigint", totals.toArray(Long[]::new)));
            move.setArray(4, connection.createArrayOf("bigint", deltas.toArray(Long[]::new)));
            move.executeUpdate();
        }
    }

    /** Which of these events already earned an entry in the current tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> entriesFor(Collection<UUID> sourceEventIds) {
        String tenant = currentTenant.require();
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT source_event_id FROM points_ledger WHERE tenant_id = ? AND source_event_id = ANY(?)")) {
                select.setString(1, tenant);
                select.setArray(2, connection.createArrayOf("uuid", sourceEventIds.toArray(UUID[]::new)));
                Set<UUID> found = new HashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    /** Which of these ids are members of the current tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> existingMembers(Collection<Long> memberIds) {
        String tenant = currentTenant.require();
        return work(connection -> {
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT id FROM members WHERE tenant_id = ? AND id = ANY(?)")) {
                select.setString(1, tenant);
                select.setArray(2, connection.createArrayOf("bigint", memberIds.toArray(Long[]::new)));
                Set<Long> found = new HashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                return found;
            }
        });
    }

    /** Points earned by some members under some rules, per member, rule and day, between two days. */
    public record Earned(long memberId, String eventType, LocalDate day, long points) {
    }

    /** Automatic points of these members under these rules, per member, rule and day, in {@code [from, until)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Earned> earnedUnderRules(Collection<Long> memberIds, Collection<String> eventTypes, LocalDate from,
            LocalDate until) {
        String tenant = currentTenant.require();
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT member_id, rule_event_type, granted_on, sum(points) FROM points_ledger
                    WHERE tenant_id = ? AND member_id = ANY(?) AND kind = 'AUTOMATIC' AND rule_event_type = ANY(?)
                      AND granted_on >= ? AND granted_on < ?
                    GROUP BY member_id, rule_event_type, granted_on""")) {
                select.setString(1, tenant);
                select.setArray(2, connection.createArrayOf("bigint", memberIds.toArray(Long[]::new)));
                select.setArray(3, connection.createArrayOf("varchar", eventTypes.toArray(String[]::new)));
                select.setObject(4, from);
                select.setObject(5, until);
                List<Earned> earned = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        earned.add(new Earned(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                                rs.getLong(4)));
                    }
                }
                return earned;
            }
        });
    }

    /** Whether an event already earned an entry in the current tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasEntryFor(UUID sourceEventId) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM points_ledger WHERE tenant_id = ?1 AND source_event_id = ?2")
                .setParameter(1, currentTenant.require()).setParameter(2, sourceEventId).getResultList().isEmpty();
    }

    /** Points a member earned under one rule between two days (inclusive, exclusive). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long earnedUnderRule(long memberId, String eventType, LocalDate from, LocalDate until) {
        Number sum = (Number) entityManager.createNativeQuery("""
                SELECT coalesce(sum(points), 0) FROM points_ledger
                WHERE tenant_id = ?1 AND member_id = ?2 AND kind = 'AUTOMATIC' AND rule_event_type = ?3
                  AND granted_on >= ?4 AND granted_on < ?5""").setParameter(1, currentTenant.require())
                .setParameter(2, memberId).setParameter(3, eventType).setParameter(4, from).setParameter(5, until)
                .getSingleResult();
        return sum.longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LedgerEntry> find(long id) {
        List<LedgerEntry> found = query("SELECT " + COLUMNS + " FROM points_ledger WHERE tenant_id = ? AND id = ?",
                currentTenant.require(), id);
        return found.stream().findFirst();
    }

    /** The sum of the corrections already made to an entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long correctedBy(long entryId) {
        Number sum = (Number) entityManager
                .createNativeQuery(
                        "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE tenant_id = ?1 AND corrects_id = ?2")
                .setParameter(1, currentTenant.require()).setParameter(2, entryId).getSingleResult();
        return sum.longValue();
    }

    /** A member's entries between two days (inclusive, exclusive), newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> history(long memberId, LocalDate from, LocalDate until, int limit) {
        return query("SELECT " + COLUMNS + """
                 FROM points_ledger WHERE tenant_id = ? AND member_id = ? AND granted_on >= ? AND granted_on < ?
                ORDER BY seq DESC LIMIT ?""", currentTenant.require(), memberId, from, until, limit);
    }

    /** Streams the whole chain of the current tenant in order, without holding it in memory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEachInChain(Consumer<LedgerEntry> visitor) {
        String tenant = currentTenant.require();
        work(connection -> {
            try (PreparedStatement statement = connection
                    .prepareStatement("SELECT " + COLUMNS + " FROM points_ledger WHERE tenant_id = ? ORDER BY seq")) {
                statement.setFetchSize(1000);
                statement.setString(1, tenant);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        visitor.accept(read(rs));
                    }
                }
            }
            return null;
        });
    }

    private List<LedgerEntry> query(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<LedgerEntry> entries = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        entries.add(read(rs));
                    }
                }
                return entries;
            }
        });
    }

    private static LedgerEntry read(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("seq"), rs.getLong("member_id"),
                EntryKind.valueOf(rs.getString("kind")), rs.getString("rule_event_type"), longOrNull(rs, "task_id"),
                longOrNull(rs, "corrects_id"), rs.getInt("points"), rs.getString("reason"),
                rs.getObject("source_event_id", UUID.class), rs.getString("granted_by"),
                rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("granted_on", LocalDate.class), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** JDBC work on the transaction's connection, which carries the tenant's row-level security setting. */
    private <T> T work(SqlWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
