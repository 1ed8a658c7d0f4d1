package cloud.dangjian.plugins.points;

import static cloud.dangjian.plugins.points.PointsFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 工作任务积分: publish, claim, complete, approve; nobody approves their own task. */
@QuarkusTest
class PointsTasksTest {

    @Inject
    AgroalDataSource app;

    @Test
    void shouldGrantTaskPointsOnApprovalByAnotherPersonOnly() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", org.tenant(), null);
        PointsFixtures.grant("member", "MEMBER", org.tenant(), null);

        publish(org.tenant(), org.branchA(), 0).statusCode(400).body("field", equalTo("points"));
        publish(org.tenant(), org.branchA(), 51).statusCode(400).body("field", equalTo("points"));
        publish(org.tenant(), org.branchB(), 5).statusCode(403).body("field", equalTo("organisationId"));
        long task = publish(org.tenant(), org.branchA(), 5).statusCode(201).body("status", equalTo("OPEN"))
                .body("publishedBy", equalTo("branch-secretary")).extract().jsonPath().getLong("id");
        given().header("Authorization", bearer("member")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", org.branchA(), "title", "自己发", "points", 5))
                .post("/api/t/{tenant}/points/tasks", org.tenant()).then().statusCode(403);

        // A member whose login is not linked to a member record must say whom the claim is for, and may not.
        step("member", org.tenant(), task, "claim", Map.of()).statusCode(400).body("field", equalTo("memberId"));
        step("member", org.tenant(), task, "claim", Map.of("memberId", member)).statusCode(403);
        // The secretary assigns it to the member of the branch.
        step("branch-secretary", org.tenant(), task, "claim", Map.of("memberId", member)).statusCode(200)
                .body("status", equalTo("CLAIMED")).body("memberId", equalTo((int) member))
                .body("claimedBy", equalTo("branch-secretary"));
        step("tenant-admin", org.tenant(), task, "claim", Map.of("memberId", member)).statusCode(409);
        step("tenant-admin", org.tenant(), task, "approve", null).statusCode(409);
        step("member", org.tenant(), task, "complete", Map.of("note", "不是我的")).statusCode(403);
        step("branch-secretary", org.tenant(), task, "complete", Map.of("note", "已走访 12 户")).statusCode(200)
                .body("status", equalTo("COMPLETED"));

        step("branch-secretary", org.tenant(), task, "approve", null).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dangjian.cloud/problems/own-task"));
        assertEquals(0, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));

        step("tenant-admin", org.tenant(), task, "approve", null).statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("tenant-admin")).body("ledgerEntryId", notNullValue());
        step("tenant-admin", org.tenant(), task, "approve", null).statusCode(409);
        given().get("/api/t/{tenant}/points/members/{id}", org.tenant(), member).then().statusCode(200)
                .body("balance.byKind.TASK", equalTo(5)).body("balance.total", equalTo(5));
        given().header("Authorization", bearer("member"))
                .get("/api/t/{tenant}/points/tasks?status=APPROVED", org.tenant()).then().statusCode(200)
                .body("id", equalTo(java.util.List.of((int) task)));
        given().get("/api/t/{tenant}/points/tasks?status=DONE", org.tenant()).then().statusCode(400);
    }

    @Test
    void shouldSendACompletedTaskBackWithAReasonAndGrantNothingUntilItIsApproved() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", org.tenant(), null);
        long task = publish(org.tenant(), org.branchA(), 6).statusCode(201).extract().jsonPath().getLong("id");
        step("branch-secretary", org.tenant(), task, "claim", Map.of("memberId", member)).statusCode(200);
        step("branch-secretary", org.tenant(), task, "complete", Map.of("note", "走访 3 户")).statusCode(200);

        step("tenant-admin", org.tenant(), task, "send-back", Map.of("reason", " ")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        step("branch-secretary", org.tenant(), task, "send-back", Map.of("reason", "自己退回")).statusCode(403).body("type",
                equalTo("https://dangjian.cloud/problems/own-task"));
        step("tenant-admin", org.tenant(), task, "send-back", Map.of("reason", "请补充走访记录")).statusCode(200)
                .body("status", equalTo("CLAIMED"));
        step("tenant-admin", org.tenant(), task, "approve", null).statusCode(409);
        assertEquals(0, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));

        step("branch-secretary", org.tenant(), task, "complete", Map.of("note", "已补充")).statusCode(200);
        step("tenant-admin", org.tenant(), task, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));
        given().get("/api/t/{tenant}/points/members/{id}", org.tenant(), member).then().body("balance.total",
                equalTo(6));
    }

    private static ValidatableResponse publish(String tenant, long organisation, int points) {
        return given().header("Authorization", bearer("branch-secretary")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "title", "走访困难党员", "points", points))
                .post("/api/t/{tenant}/points/tasks", tenant).then();
    }

    private static ValidatableResponse step(String user, String tenant, long task, String action,
            Map<String, Object> body) {
        var request = given().header("Authorization", bearer(user)).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/t/{tenant}/points/tasks/{id}/{action}", tenant, task, action).then();
    }
}
