package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.domain.PointsTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 退回: someone of the branch sends a completed task back to its member with a reason instead of approving it. The task
 * returns to CLAIMED (one conditional update from COMPLETED, like every step of {@link PointsTasks}) and nothing is
 * written to the ledger. The same people may reject as may approve, and nobody rejects a task they claimed or
 * completed.
 */
@ApplicationScoped
public class PointsTaskRejections {

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Inject
    PointsTasks tasks;

    @Transactional
    public PointsTask reject(long taskId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason",
                    "say why the task is sent back, so the member knows what to redo");
        }
        if (reason.strip().length() > 500) {
            throw ProblemException.invalidField("reason", "a reason has at most 500 characters");
        }
        PointsTask task = tasks.require(taskId);
        access.requireWritable(organisations.findById(task.organisationId()), "taskId");
        if (by.equals(task.claimedBy()) || by.equals(task.completedBy())) {
            throw ProblemException.forbidden("own-task", "Own task",
                    "You claimed or completed task " + taskId + " yourself; somebody else of the branch reviews it");
        }
        int moved = entityManager.createNativeQuery("""
                UPDATE points_tasks SET status = 'CLAIMED', completed_by = NULL, completed_at = NULL,
                    rejected_by = ?2, rejected_at = now(), rejection_note = ?3
                WHERE tenant_id = ?4 AND id = ?1 AND status = 'COMPLETED'""").setParameter(1, taskId)
                .setParameter(2, by).setParameter(3, reason.strip()).setParameter(4, currentTenant.require())
                .executeUpdate();
        if (moved == 0) {
            throw ProblemException.conflict("taskId",
                    "task " + taskId + " is " + task.status() + "; only a completed task can be sent back");
        }
        return tasks.require(taskId);
    }

    /** The latest reason each of these tasks was sent back for, by task id (tasks never sent back are absent). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Long, String> reasons(List<Long> taskIds) {
        Map<Long, String> reasons = new HashMap<>();
        if (taskIds.isEmpty()) {
            return reasons;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, rejection_note FROM points_tasks
                WHERE tenant_id = ?1 AND id IN (?2) AND rejection_note IS NOT NULL""")
                .setParameter(1, currentTenant.require()).setParameter(2, taskIds).getResultList();
        rows.forEach(row -> reasons.put(((Number) row[0]).longValue(), (String) row[1]));
        return reasons;
    }
}
