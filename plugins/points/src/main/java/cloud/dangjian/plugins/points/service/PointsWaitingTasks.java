package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.plugins.points.PointsPlugin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The points tasks waiting for someone, for "my tasks" on the portal home: a member's claimed tasks to finish and the
 * open tasks of their branch and the organisations above it; for those who manage tasks, the completed tasks inside
 * their subtree that wait for their approval (never one they claimed or completed themselves).
 */
@ApplicationScoped
public class PointsWaitingTasks implements PortalTaskSource {

    /** How many of each kind the home page gets; the tasks page lists them all. */
    static final int EACH = 3;

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Override
    public String pluginId() {
        return PointsPlugin.ID;
    }

    @Override
    public List<PortalTask> tasksFor(Viewer viewer) {
        List<PortalTask> waiting = new ArrayList<>();
        String tenant = currentTenant.require();
        if (viewer.memberId() != null && viewer.permissions().contains(PointsPlugin.TAKE_TASKS)) {
            for (Object[] row : rows("""
                    SELECT id, title, points FROM points_tasks
                     WHERE tenant_id = ?1 AND status = 'CLAIMED' AND member_id = ?2 ORDER BY id LIMIT ?3""", tenant,
                    viewer.memberId(), EACH)) {
                waiting.add(task(viewer, LocalizedText.of("完成任务：", "Finish: "), row));
            }
            String branchPath = members.findByIdOptional(viewer.memberId())
                    .flatMap(member -> organisations.findByIdOptional(member.branchId())).map(Organisation::path)
                    .orElse(null);
            if (branchPath != null) {
                for (Object[] row : rows("""
                        SELECT t.id, t.title, t.points FROM points_tasks t
                          JOIN organisations o ON o.tenant_id = t.tenant_id AND o.id = t.organisation_id
                         WHERE t.tenant_id = ?1 AND t.status = 'OPEN' AND ?2 LIKE o.path || '%'
                         ORDER BY t.id DESC LIMIT ?3""", tenant, branchPath, EACH)) {
                    waiting.add(task(viewer, LocalizedText.of("可认领：", "To claim: "), row));
                }
            }
        }
        if (viewer.permissions().contains(PointsPlugin.MANAGE_TASKS)) {
            List<Object[]> completed = rows("""
                    SELECT id, title, points, organisation_id FROM points_tasks
                     WHERE tenant_id = ?1 AND status = 'COMPLETED' AND claimed_by <> ?2 AND completed_by <> ?2
                     ORDER BY completed_at LIMIT 50""", tenant, viewer.username());
            completed.stream()
                    .filter(row -> organisations.findByIdOptional(((Number) row[3]).longValue()).map(access::isWritable)
                            .orElse(false))
                    .limit(EACH)
                    .forEach(row -> waiting.add(task(viewer, LocalizedText.of("待审批：", "To approve: "), row)));
        }
        return waiting;
    }

    private static PortalTask task(Viewer viewer, LocalizedText kind, Object[] row) {
        String points = LocalizedText.of(row[2] + " 分", row[2] + " points").in(viewer.locale());
        return new PortalTask(kind.in(viewer.locale()) + row[1], points, "tasks#task-" + row[0]);
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
