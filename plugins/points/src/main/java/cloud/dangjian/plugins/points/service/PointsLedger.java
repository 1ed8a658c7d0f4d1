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
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        String tenant = currentTenant.require();
        return work(connection -> {
            long seq = 1;
            String prevHash = HashChain.GENESIS;
            try (PreparedStatement tail = connection.prepareStatement(
                    "SELECT seq, hash FROM points_ledger WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1")) {
                tail.setString(1, tenant);
                try (ResultSet rs = tail.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prevHash = rs.getString(2);
                    }
                }
            }
            Instant grantedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = HashChain.hash(prevHash, tenant, seq, entry.memberId(), entry.kind(), entry.ruleEventType(),
                    entry.taskId(), entry.correctsId(), entry.points(), entry.reason(), entry.sourceEventId(),
                    entry.grantedBy(), grantedAt, entry.grantedOn());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO points_ledger (tenant_id, seq, member_id, kind, rule_event_type, task_id, corrects_id,
                        points, reason, source_event_id, granted_by, granted_at, granted_on, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                insert.setString(1, tenant);
                insert.setLong(2, seq);
                insert.setLong(3, entry.memberId());
                insert.setString(4, entry.kind().name());
                insert.setString(5, entry.ruleEventType());
                setLong(insert, 6, entry.taskId());
                setLong(insert, 7, entry.correctsId());
                insert.setInt(8, entry.points());
                insert.setString(9, entry.reason());
                insert.setObject(10, entry.sourceEventId());
                insert.setString(11, entry.grantedBy());
                insert.setObject(12, grantedAt.atOffset(ZoneOffset.UTC));
                insert.setObject(13, entry.grantedOn());
                insert.setString(14, prevHash);
                insert.setString(15, hash);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    addToTotals(connection, tenant, entry);
                    return new LedgerEntry(rs.getLong(1), seq, entry.memberId(), entry.kind(), entry.ruleEventType(),
                            entry.taskId(), entry.correctsId(), entry.points(), entry.reason(), entry.sourceEventId(),
                            entry.grantedBy(), grantedAt, entry.grantedOn(), prevHash, hash);
                }
            }
        });
    }

    /**
     * Adds an entry's points to its member's totals of its month, quarter and year, and moves the member between the
     * per-total counts that ranks are read from.
     */
    private static void addToTotals(Connection connection, String tenant, NewEntry entry) throws SQLException {
        String[] keys = new String[3];
        Long[] before = new Long[3];
        long[] after = new long[3];
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO points_totals (tenant_id, period_key, member_id, total) VALUES (?, ?, ?, ?), (?, ?, ?, ?),
                    (?, ?, ?, ?)
                ON CONFLICT (tenant_id, period_key, member_id)
                DO UPDATE SET total = points_totals.total + EXCLUDED.total
                RETURNING period_key, total, (xmax = 0) AS inserted""")) {
            int index = 1;
            for (AppraisalPeriod kind : AppraisalPeriod.values()) {
                upsert.setString(index++, tenant);
                upsert.setString(index++, Period.containing(kind, entry.grantedOn()).key());
                upsert.setLong(index++, entry.memberId());
                upsert.setLong(index++, entry.points());
            }
            try (ResultSet rs = upsert.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    keys[i] = rs.getString(1);
                    after[i] = rs.getLong(2);
                    before[i] = rs.getBoolean(3) ? null : after[i] - entry.points();
                }
            }
        }
        try (PreparedStatement move = connection.prepareStatement(
                """
                        WITH moved (period_key, old_total, new_total) AS (
                            VALUES (?, CAST(? AS bigint), CAST(? AS bigint)), (?, CAST(? AS bigint), CAST(? AS bigint)),
                                   (?, CAST(? AS bigint), CAST(? AS bigint))),
                        left_behind AS (
                            UPDATE points_total_counts c SET members = c.members - 1 FROM moved
                            WHERE c.tenant_id = ? AND c.period_key = moved.period_key AND c.total = moved.old_total)
                        INSERT INTO points_total_counts (tenant_id, period_key, total, members)
                        SELECT ?, period_key, new_total, 1 FROM moved
                        ON CONFLICT (tenant_id, period_key, total) DO UPDATE SET members = points_total_counts.members + 1""")) {
            int index = 1;
            for (int i = 0; i < 3; i++) {
                move.setString(index++, keys[i]);
                move.setObject(index++, before[i], Types.BIGINT);
                move.setLong(index++, after[i]);
            }
            move.setString(index++, tenant);
            move.setString(index, tenant);
            move.executeUpdate();
        }
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

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
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
