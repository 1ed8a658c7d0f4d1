package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import cloud.dangjian.core.plugin.spi.PortalTaskSource.PortalTask;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.plugins.points.service.PointsWaitingTasks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the points plugin puts under "my tasks" on the portal home, for a member and for whoever approves. */
@QuarkusTest
class PointsWaitingTasksTest {

    @Inject
    PointsWaitingTasks source;

    @Inject
    TenantScope tenantScope;

    @Test
    void shouldListClaimedAndClaimableTasksForAMemberAndCompletedOnesForAnApprover() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        long colleague = PointsFixtures.member(org.tenant(), org.branchB());
        publish(org.tenant(), org.branchA(), "整理党员档案");
        publish(org.tenant(), org.branchB(), "二支部的任务");
        long visit = publish(org.tenant(), org.committee(), "走访困难党员");
        step(org.tenant(), visit, "claim", Map.of("memberId", member));
        long sweep = publish(org.tenant(), org.branchB(), "清扫社区");
        step(org.tenant(), sweep, "claim", Map.of("memberId", colleague));
        step(org.tenant(), sweep, "complete", Map.of("note", "已完成"));

        Set<String> memberPermissions = Set.of(PointsPlugin.READ, PointsPlugin.TAKE_TASKS);
        assertEquals(List.of("完成任务：走访困难党员", "可认领：整理党员档案"),
                titles(org.tenant(), new PortalTaskSource.Viewer("member", member, memberPermissions, Locale.CHINA)),
                "the branch's and the committee's open tasks, not a sibling branch's");

        Set<String> approver = Set.of(PointsPlugin.READ, PointsPlugin.MANAGE_TASKS);
        assertEquals(List.of("To approve: 清扫社区"),
                titles(org.tenant(), new PortalTaskSource.Viewer("tenant-admin", null, approver, Locale.ENGLISH)));
        assertEquals(List.of(),
                titles(org.tenant(), new PortalTaskSource.Viewer("platform-admin", null, approver, Locale.CHINA)),
                "who claimed and completed a task does not approve it");
        assertEquals(List.of(), titles(org.tenant(),
                new PortalTaskSource.Viewer("masses", null, Set.of(PointsPlugin.READ), Locale.CHINA)));
    }

    private List<String> titles(String tenant, PortalTaskSource.Viewer viewer) {
        List<PortalTask> tasks = tenantScope.call(tenant,
                () -> QuarkusTransaction.requiringNew().call(() -> source.tasksFor(viewer)));
        tasks.forEach(task -> assertEquals(true, task.path().startsWith("tasks#task-"), task.path()));
        return tasks.stream().map(PortalTask::title).toList();
    }

    private static long publish(String tenant, long organisation, String title) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "title", title, "points", 5))
                .post("/api/t/{tenant}/points/tasks", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void step(String tenant, long task, String action, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .post("/api/t/{tenant}/points/tasks/{id}/{action}", tenant, task, action).then().statusCode(200);
    }
}
