package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where members and branches stand in a period: balances by kind, ranks, rankings, members without activity and the
 * appraisal sheet. Every figure is a sum of ledger entries, so each can be explained entry by entry.
 */
@ApplicationScoped
public class PointsStandings {

    /** A member's points in a period, by kind. */
    public record Balance(long memberId, String name, String period, long total, Map<String, Long> byKind) {
    }

    /** A member's place in a scope: 1 + the number of members of the scope with more points. */
    public record Rank(long rank, long of, long total) {
    }

    /** One line of a member ranking. */
    public record MemberStanding(long rank, long memberId, String code, String name, String branchCode,
            String branchName, long total) {
    }

    /**
     * One line of a branch ranking: the members' points per head, plus the branch-level items of the period (net of
     * their corrections); ranked by {@code score}.
     */
    public record BranchStanding(long rank, long organisationId, String code, String name, long members, long total,
            BigDecimal perHead, long items, BigDecimal score) {
    }

    /** A member without any earned entry in the period. */
    public record Inactive(long memberId, String code, String name, String branchCode, String branchName) {
    }

    /** One row of the appraisal sheet. */
    public record SheetRow(long rank, String code, String name, String branchCode, String branchName, long automatic,
            long task, long bonus, long correction, long total) {
    }

    /** One month of a trend. */
    public record TrendPoint(String month, long total, long entries, long activeMembers) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, long[]> tenantSizes = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Transactional
    public Balance balance(long memberId, Period period) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> ProblemException.notFound("Member", memberId));
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (String kind : List.of("AUTOMATIC", "TASK", "BONUS", "CORRECTION")) {
            byKind.put(kind, 0L);
        }
        long total = 0;
        for (Object[] row : rows("""
                SELECT kind, sum(points) FROM points_ledger
                WHERE tenant_id = ?1 AND member_id = ?2 AND granted_on >= ?3 AND granted_on < ?4 GROUP BY kind""",
                currentTenant.require(), memberId, period.start(), period.end())) {
            long sum = ((Number) row[1]).longValue();
            byKind.put((String) row[0], sum);
            total += sum;
        }
        return new Balance(memberId, member.name(), period.key(), total, byKind);
    }

    /**
     * A member's rank among the members whose home branch lies in {@code scope}'s subtree (null: the tenant), read from
     * the per-period totals.
     */
    @Transactional
    public Rank rank(long memberId, Organisation scope, Period period) {
        String tenant = currentTenant.require();
        List<?> found = entityManager
                .createNativeQuery(
                        "SELECT total FROM points_totals WHERE tenant_id = ?1 AND period_key = ?2 AND member_id = ?3")
                .setParameter(1, tenant).setParameter(2, period.key()).setParameter(3, memberId).getResultList();
        long own = found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
        Number ahead;
        if (scope == null) {
            ahead = (Number) entityManager.createNativeQuery("""
                    SELECT coalesce(sum(members), 0) FROM points_total_counts
                    WHERE tenant_id = ?1 AND period_key = ?2 AND total > ?3""").setParameter(1, tenant)
                    .setParameter(2, period.key()).setParameter(3, own).getSingleResult();
        } else {
            ahead = (Number) entityManager.createNativeQuery("""
                    SELECT count(*) FROM points_totals t
                    JOIN members m ON m.tenant_id = t.tenant_id AND m.id = t.member_id
                    JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                    WHERE t.tenant_id = ?1 AND t.period_key = ?2 AND t.total > ?3 AND starts_with(o.path, ?4)""")
                    .setParameter(1, tenant).setParameter(2, period.key()).setParameter(3, own)
                    .setParameter(4, scope.path()).getSingleResult();
        }
        return new Rank(ahead.longValue() + 1, membersIn(tenant, scope), own);
    }

    /** How many members a scope has; the tenant's count is remembered for a minute (it is a scan of 200,000 rows). */
    private long membersIn(String tenant, Organisation scope) {
        if (scope == null) {
            long[] cached = tenantSizes.get(tenant);
            if (cached != null && System.nanoTime() - cached[1] < 60_000_000_000L) {
                return cached[0];
            }
        }
        Number count = (Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM members m JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                WHERE m.tenant_id = ?1 AND starts_with(o.path, ?2)""").setParameter(1, tenant)
                .setParameter(2, prefix(scope)).getSingleResult();
        if (scope == null) {
            tenantSizes.put(tenant, new long[] { count.longValue(), System.nanoTime() });
        }
        return count.longValue();
    }

    /** The member's home branch. */
    @Transactional
    public Organisation branchOf(long memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> ProblemException.notFound("Member", memberId));
        return organisations.findById(member.branchId());
    }

    /** The top {@code limit} members of a scope by points in the period; ties share a rank. */
    @Transactional
    public List<MemberStanding> topMembers(Organisation scope, Period period, int limit) {
        List<MemberStanding> standings = new ArrayList<>();
        long rank = 0;
        long previous = Long.MIN_VALUE;
        int position = 0;
        String tenant = currentTenant.require();
        List<Object[]> found = scope == null ? rows("""
                SELECT m.id, m.code, m.name, o.code, o.name, t.total FROM (
                    SELECT member_id, total FROM points_totals WHERE tenant_id = ?1 AND period_key = ?2
                    ORDER BY total DESC, member_id LIMIT ?3) t
                JOIN members m ON m.tenant_id = ?1 AND m.id = t.member_id
                JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                ORDER BY t.total DESC, m.id""", tenant, period.key(), limit) : rows("""
                SELECT m.id, m.code, m.name, o.code, o.name, t.total FROM points_totals t
                JOIN members m ON m.tenant_id = t.tenant_id AND m.id = t.member_id
                JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                WHERE t.tenant_id = ?1 AND t.period_key = ?2 AND starts_with(o.path, ?4)
                ORDER BY t.total DESC, m.id LIMIT ?3""", tenant, period.key(), limit, scope.path());
        for (Object[] row : found) {
            position++;
            long total = ((Number) row[5]).longValue();
            if (total != previous) {
                rank = position;
                previous = total;
            }
            standings.add(new MemberStanding(rank, ((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], total));
        }
        return standings;
    }

    /**
     * Branches (党支部) of a scope ranked by their score in the period: the members' points per head plus the branch-level
     * items the branch earned as a whole (net of corrections). A branch without members has no per-head figure and is
     * not ranked.
     */
    @Transactional
    public List<BranchStanding> topBranches(Organisation scope, Period period, int limit) {
        List<BranchStanding> standings = new ArrayList<>();
        long rank = 0;
        BigDecimal previous = null;
        int position = 0;
        for (Object[] row : rows("""
                SELECT o.id, o.code, o.name, count(m.id), coalesce(sum(t.total), 0),
                       round(coalesce(sum(t.total), 0)::numeric / count(m.id), 2) AS per_head,
                       coalesce(bi.points, 0) AS items,
                       round(coalesce(sum(t.total), 0)::numeric / count(m.id), 2) + coalesce(bi.points, 0) AS score
                FROM organisations o
                JOIN members m ON m.tenant_id = o.tenant_id AND m.branch_id = o.id
                LEFT JOIN points_totals t ON t.tenant_id = m.tenant_id AND t.period_key = ?2 AND t.member_id = m.id
                LEFT JOIN (SELECT organisation_id, sum(points) AS points FROM points_branch_items
                           WHERE tenant_id = ?1 AND granted_on >= ?5 AND granted_on < ?6
                           GROUP BY organisation_id) bi ON bi.organisation_id = o.id
                WHERE o.tenant_id = ?1 AND o.kind = 'BRANCH' AND starts_with(o.path, ?3)
                GROUP BY o.id, o.code, o.name, bi.points
                ORDER BY score DESC, o.id LIMIT ?4""", currentTenant.require(), period.key(), prefix(scope), limit,
                period.start(), period.end())) {
            position++;
            BigDecimal score = ((BigDecimal) row[7]).setScale(2, RoundingMode.HALF_UP);
            if (!score.equals(previous)) {
                rank = position;
                previous = score;
            }
            standings.add(new BranchStanding(rank, ((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                    ((BigDecimal) row[5]).setScale(2, RoundingMode.HALF_UP), ((Number) row[6]).longValue(), score));
        }
        return standings;
    }

    /** Members of a scope who earned nothing (no automatic, task or bonus entry) in the period. */
    @Transactional
    public List<Inactive> inactive(Organisation scope, Period period, int limit) {
        return rows("""
                SELECT m.id, m.code, m.name, o.code, o.name FROM members m
                JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                WHERE m.tenant_id = ?1 AND starts_with(o.path, ?4) AND NOT EXISTS (
                    SELECT 1 FROM points_ledger l WHERE l.tenant_id = m.tenant_id AND l.member_id = m.id
                      AND l.kind <> 'CORRECTION' AND l.granted_on >= ?2 AND l.granted_on < ?3)
                ORDER BY o.path, m.name, m.id LIMIT ?5""", currentTenant.require(), period.start(), period.end(),
                prefix(scope), limit).stream()
                        .map(row -> new Inactive(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                                (String) row[3], (String) row[4]))
                        .toList();
    }

    /** The appraisal sheet of a period: every member of the scope, with points by kind, ranked. */
    @Transactional
    public List<SheetRow> sheet(Organisation scope, Period period) {
        List<SheetRow> sheet = new ArrayList<>();
        long rank = 0;
        long previous = Long.MIN_VALUE;
        int position = 0;
        for (Object[] row : rows("""
                SELECT m.code, m.name, o.code, o.name,
                       coalesce(sum(l.points) FILTER (WHERE l.kind = 'AUTOMATIC'), 0),
                       coalesce(sum(l.points) FILTER (WHERE l.kind = 'TASK'), 0),
                       coalesce(sum(l.points) FILTER (WHERE l.kind = 'BONUS'), 0),
                       coalesce(sum(l.points) FILTER (WHERE l.kind = 'CORRECTION'), 0),
                       coalesce(sum(l.points), 0) AS total
                FROM members m
                JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                LEFT JOIN points_ledger l ON l.tenant_id = m.tenant_id AND l.member_id = m.id
                      AND l.granted_on >= ?2 AND l.granted_on < ?3
                WHERE m.tenant_id = ?1 AND starts_with(o.path, ?4)
                GROUP BY m.id, m.code, m.name, o.code, o.name
                ORDER BY total DESC, m.code""", currentTenant.require(), period.start(), period.end(), prefix(scope))) {
            position++;
            long total = ((Number) row[8]).longValue();
            if (total != previous) {
                rank = position;
                previous = total;
            }
            sheet.add(new SheetRow(rank, (String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), ((Number) row[6]).longValue(),
                    ((Number) row[7]).longValue(), total));
        }
        return sheet;
    }

    /** Points, entries and members with an entry, month by month from {@code from} until {@code until}. */
    @Transactional
    public List<TrendPoint> trend(Organisation scope, java.time.LocalDate from, java.time.LocalDate until) {
        Map<String, TrendPoint> months = new LinkedHashMap<>();
        for (java.time.LocalDate month = from; month.isBefore(until); month = month.plusMonths(1)) {
            String key = "%04d-%02d".formatted(month.getYear(), month.getMonthValue());
            months.put(key, new TrendPoint(key, 0, 0, 0));
        }
        for (Object[] row : rows("""
                SELECT to_char(l.granted_on, 'YYYY-MM'), sum(l.points), count(*), count(DISTINCT l.member_id)
                FROM points_ledger l
                JOIN members m ON m.tenant_id = l.tenant_id AND m.id = l.member_id
                JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                WHERE l.tenant_id = ?1 AND l.granted_on >= ?2 AND l.granted_on < ?3 AND starts_with(o.path, ?4)
                GROUP BY 1""", currentTenant.require(), from, until, prefix(scope))) {
            months.put((String) row[0], new TrendPoint((String) row[0], ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        return new ArrayList<>(months.values());
    }

    /** The organisation a scope parameter names (null: the whole tenant), or a 400 naming the parameter. */
    @Transactional
    public Organisation scope(Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        Organisation organisation = organisations.findById(organisationId);
        if (organisation == null) {
            throw ProblemException.invalidField("organisation",
                    "no organisation with id " + organisationId + " in this tenant");
        }
        return organisation;
    }

    private static String prefix(Organisation scope) {
        return scope == null ? "/" : scope.path();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
