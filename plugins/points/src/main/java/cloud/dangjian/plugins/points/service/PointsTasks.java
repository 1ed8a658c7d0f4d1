package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.domain.EntryKind;
import cloud.dangjian.plugins.points.domain.LedgerEntry;
import cloud.dangjian.plugins.points.domain.NewEntry;
import cloud.dangjian.plugins.points.domain.PointsTask;
import cloud.dangjian.plugins.points.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 工作任务积分: a branch publishes a task worth points, a member claims and completes it, and someone of the branch approves
 * it, which writes a TASK entry. Each step moves the task from exactly one status (a conditional UPDATE), so two people
 * acting at once cannot both succeed. Nobody approves a task they claimed or completed.
 */
@ApplicationScoped
public class PointsTasks {

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsAwards awards;

    @Inject
    PointsApprovers approvers;

    @Transactional
    public PointsTask publish(long organisationId, String title, String description, int points, String by) {
        PointsConfig config = states.configuration(plugin.descriptor());
        if (points < 1 || points > config.maxTaskPoints()) {
            throw ProblemException.invalidField("points", "a task is worth between 1 and " + config.maxTaskPoints()
                    + " points (the tenant's maxTaskPoints setting); " + points + " is not");
        }
        Organisation organisation = organisations.findById(organisationId);
        if (organisation == null) {
            throw ProblemException.invalidField("organisationId",
                    "no organisation with id " + organisationId + " in this tenant");
        }
        access.requireWritable(organisation, "organisationId");
        Number id = (Number) entityManager.createNativeQuery("""
                INSERT INTO points_tasks (tenant_id, organisation_id, title, description, points, status, published_by)
                VALUES (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6) RETURNING id""").setParameter(1, currentTenant.require())
                .setParameter(2, organisationId).setParameter(3, title.strip()).setParameter(4, description)
                .setParameter(5, points).setParameter(6, by).getSingleResult();
        return require(id.longValue());
    }

    /** The caller takes an open task for {@code memberId}: their own member record, or one they may act for. */
    @Transactional
    public PointsTask claim(long taskId, long memberId, String by) {
        require(taskId);
        int moved = entityManager.createNativeQuery("""
                UPDATE points_tasks SET status = 'CLAIMED', member_id = ?2, claimed_by = ?3, claimed_at = now()
                WHERE tenant_id = ?4 AND id = ?1 AND status = 'OPEN'""").setParameter(1, taskId)
                .setParameter(2, memberId).setParameter(3, by).setParameter(4, currentTenant.require()).executeUpdate();
        if (moved == 0) {
            throw ProblemException.conflict("taskId", "task " + taskId + " is not open; somebody claimed it already");
        }
        return require(taskId);
    }

    /** The claimant (or someone who manages tasks of the branch) reports the task done. */
    @Transactional
    public PointsTask complete(long taskId, String note, String by, boolean manager) {
        PointsTask task = require(taskId);
        if (!by.equals(task.claimedBy())) {
            if (!manager) {
                throw ProblemException.forbidden("not-your-task", "Not your task",
                        "Task " + taskId + " was claimed by somebody else; only they or the branch can complete it");
            }
            access.requireWritable(organisations.findById(task.organisationId()), "taskId");
        }
        int moved = entityManager.createNativeQuery("""
                UPDATE points_tasks SET status = 'COMPLETED', completed_by = ?2, completed_at = now(),
                    completion_note = ?3
                WHERE tenant_id = ?4 AND id = ?1 AND status = 'CLAIMED'""").setParameter(1, taskId).setParameter(2, by)
                .setParameter(3, note).setParameter(4, currentTenant.require()).executeUpdate();
        if (moved == 0) {
            throw ProblemException.conflict("taskId",
                    "task " + taskId + " is " + task.status() + "; only a claimed task can be completed");
        }
        return require(taskId);
    }

    /** Someone of the branch approves a completed task: the member gets its points as a TASK entry. */
    @Transactional
    public PointsTask approve(long taskId, String by) {
        PointsTask task = require(taskId);
        approvers.require(PointsApprovers.Kind.TASK);
        access.requireWritable(organisations.findById(task.organisationId()), "taskId");
        if (by.equals(task.claimedBy()) || by.equals(task.completedBy())) {
            throw ProblemException.forbidden("own-task", "Own task",
                    "You claimed or completed task " + taskId + " yourself; somebody else of the branch approves it");
        }
        ledger.lockTenant();
        int moved = entityManager.createNativeQuery("""
                UPDATE points_tasks SET status = 'APPROVED', approved_by = ?2, approved_at = now()
                WHERE tenant_id = ?3 AND id = ?1 AND status = 'COMPLETED'""").setParameter(1, taskId)
                .setParameter(2, by).setParameter(3, currentTenant.require()).executeUpdate();
        if (moved == 0) {
            throw ProblemException.conflict("taskId",
                    "task " + taskId + " is " + task.status() + "; only a completed task can be approved");
        }
        LedgerEntry entry = ledger.append(new NewEntry(task.memberId(), EntryKind.TASK, null, taskId, null,
                task.points(), "任务 Task: " + task.title(), null, by, PointsAwards.today()));
        entityManager.createNativeQuery("UPDATE points_tasks SET ledger_entry_id = ?2 WHERE tenant_id = ?3 AND id = ?1")
                .setParameter(1, taskId).setParameter(2, entry.id()).setParameter(3, currentTenant.require())
                .executeUpdate();
        return require(taskId);
    }

    @Transactional
    public List<PointsTask> list(TaskStatus status, int limit) {
        if (status == null) {
            return select("WHERE tenant_id = ?1 ORDER BY id DESC LIMIT ?2", currentTenant.require(), limit);
        }
        return select("WHERE tenant_id = ?1 AND status = ?2 ORDER BY id DESC LIMIT ?3", currentTenant.require(),
                status.name(), limit);
    }

    @Transactional
    public PointsTask require(long taskId) {
        return find(taskId).orElseThrow(() -> ProblemException.notFound("Task", taskId));
    }

    private Optional<PointsTask> find(long taskId) {
        return select("WHERE tenant_id = ?1 AND id = ?2", currentTenant.require(), taskId).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<PointsTask> select(String where, Object... parameters) {
        var query = entityManager.createNativeQuery("""
                SELECT id, organisation_id, title, description, points, status, published_by, published_at, member_id,
                       claimed_by, claimed_at, completed_by, completed_at, completion_note, approved_by, approved_at,
                       ledger_entry_id
                FROM points_tasks
                """ + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new PointsTask(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                        (String) r[3], ((Number) r[4]).intValue(), TaskStatus.valueOf((String) r[5]), (String) r[6],
                        instant(r[7]), r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], instant(r[10]),
                        (String) r[11], instant(r[12]), (String) r[13], (String) r[14], instant(r[15]),
                        r[16] == null ? null : ((Number) r[16]).longValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
