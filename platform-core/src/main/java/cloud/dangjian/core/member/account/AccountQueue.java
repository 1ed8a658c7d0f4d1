package cloud.dangjian.core.member.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The durable queue of members' Keycloak work ({@code account_tasks}). Tasks are queued in the transaction that changes
 * the member, so a member row and its task commit together or not at all; the {@link AccountWorker} claims them.
 */
@ApplicationScoped
public class AccountQueue {

    /** A task claimed by a worker: leased until it succeeds, is retried later, or is parked. */
    public record Claimed(long id, String tenantId, long memberId, AccountAction action, int attempts) {
    }

    @Inject
    EntityManager entityManager;

    /** Queues work for a member inside the caller's transaction. Parked tasks of the member are superseded. */
    @Transactional(TxType.MANDATORY)
    public AccountTask enqueue(String tenantId, long memberId, AccountAction action) {
        entityManager.createQuery("""
                update AccountTask t set t.doneAt = :now
                 where t.tenantId = :tenant and t.memberId = :member and t.doneAt is null and t.failedAt is not null""")
                .setParameter("now", Instant.now()).setParameter("tenant", tenantId).setParameter("member", memberId)
                .executeUpdate();
        AccountTask task = new AccountTask(tenantId, memberId, action);
        entityManager.persist(task);
        return task;
    }

    /**
     * Claims up to {@code batch} due tasks, of any tenant, and leases them: a claimed task is not due again before the
     * lease ends, so a worker that dies half-way leaves its task to be retried. Only each member's oldest unfinished
     * task is claimable, so one member's tasks run one at a time and in order, on any number of nodes.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Claimed> claim(int batch, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE account_tasks SET attempts = attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                 WHERE id IN (
                       SELECT t.id FROM account_tasks t
                        WHERE t.done_at IS NULL AND t.failed_at IS NULL AND t.next_attempt_at <= now()
                          AND NOT EXISTS (SELECT 1 FROM account_tasks o
                                           WHERE o.tenant_id = t.tenant_id AND o.member_id = t.member_id
                                             AND o.id < t.id AND o.done_at IS NULL AND o.failed_at IS NULL)
                        ORDER BY t.next_attempt_at, t.id
                        LIMIT :batch
                          FOR UPDATE SKIP LOCKED)
                RETURNING id, tenant_id, member_id, action, attempts
                """).setParameter("lease", (double) lease.toSeconds()).setParameter("batch", batch).getResultList();
        return rows.stream().map(row -> new Claimed(((Number) row[0]).longValue(), (String) row[1],
                ((Number) row[2]).longValue(), AccountAction.valueOf((String) row[3]), ((Number) row[4]).intValue()))
                .toList();
    }

    /** The task is done; inside the transaction that records its outcome on the member. */
    @Transactional(TxType.MANDATORY)
    public void succeed(long taskId) {
        entityManager.createQuery("update AccountTask t set t.doneAt = :now, t.lastError = null where t.id = :id")
                .setParameter("now", Instant.now()).setParameter("id", taskId).executeUpdate();
    }

    /** A passing failure: the task is due again after {@code delay}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void retryLater(long taskId, String error, Duration delay) {
        entityManager
                .createQuery("update AccountTask t set t.lastError = :error, t.nextAttemptAt = :next where t.id = :id")
                .setParameter("error", truncate(error)).setParameter("next", Instant.now().plus(delay))
                .setParameter("id", taskId).executeUpdate();
    }

    /** No more automatic attempts; inside the transaction that marks the member's account as failed. */
    @Transactional(TxType.MANDATORY)
    public void park(long taskId, String error) {
        entityManager.createQuery("update AccountTask t set t.lastError = :error, t.failedAt = :now where t.id = :id")
                .setParameter("error", truncate(error)).setParameter("now", Instant.now()).setParameter("id", taskId)
                .executeUpdate();
    }

    /** Whether a task of the member is queued or being worked on. */
    @Transactional(TxType.MANDATORY)
    public boolean hasOpenTask(String tenantId, long memberId) {
        return !entityManager.createQuery("""
                select t.id from AccountTask t
                 where t.tenantId = :tenant and t.memberId = :member and t.doneAt is null and t.failedAt is null""",
                Long.class).setParameter("tenant", tenantId).setParameter("member", memberId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The members of a tenant with a parked task. */
    @Transactional(TxType.MANDATORY)
    public List<Long> membersWithParkedTasks(String tenantId) {
        return entityManager.createQuery("""
                select distinct t.memberId from AccountTask t
                 where t.tenantId = :tenant and t.doneAt is null and t.failedAt is not null""", Long.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    /** A member's tasks, newest first: what an administrator sees of their account's history. */
    @Transactional
    public List<AccountTask> ofMember(String tenantId, long memberId, int limit) {
        return entityManager.createQuery("""
                select t from AccountTask t where t.tenantId = :tenant and t.memberId = :member order by t.id desc""",
                AccountTask.class).setParameter("tenant", tenantId).setParameter("member", memberId)
                .setMaxResults(limit).getResultList();
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
