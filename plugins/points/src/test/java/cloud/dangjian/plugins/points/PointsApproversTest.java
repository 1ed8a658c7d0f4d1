package cloud.dangjian.plugins.points;

import static cloud.dangjian.plugins.points.PointsFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.testing.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code approvers} setting: which role grants which kind of points, layered, validated and enforced. */
@QuarkusTest
class PointsApproversTest {

    private static final String NOT_AN_APPROVER = "https://dangjian.cloud/problems/not-an-approver";

    @Inject
    AgroalDataSource app;

    @Test
    void shouldRefuseASecretaryWhereOnlyTenantAdministratorsApproveAKind() {
        PointsFixtures.Org org = PointsFixtures
                .tenant(Map.of("approvers", Map.of("task", List.of("TENANT_ADMIN"), "bonus", List.of("TENANT_ADMIN"))));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", org.tenant(), null);
        // Corrections were left alone: both roles, from the defaults, beside the tenant's two kinds.
        given().get("/api/t/{tenant}/plugins/points", org.tenant()).then().statusCode(200)
                .body("config.approvers.task", equalTo(List.of("TENANT_ADMIN")))
                .body("config.approvers.correction", equalTo(List.of("BRANCH_SECRETARY", "TENANT_ADMIN")));

        // The platform administrator (the default caller) publishes, assigns and completes a task of branch A.
        long task = given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org.branchA(), "title", "整理党员档案", "points", 5))
                .post("/api/t/{tenant}/points/tasks", org.tenant()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("memberId", member))
                .post("/api/t/{tenant}/points/tasks/{id}/claim", org.tenant(), task).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("note", "已完成"))
                .post("/api/t/{tenant}/points/tasks/{id}/complete", org.tenant(), task).then().statusCode(200);

        // The branch's secretary holds points:manage-tasks and the branch is theirs, but the tenant's setting names
        // only tenant administrators: refused, saying why, nothing written.
        given().header("Authorization", bearer("branch-secretary"))
                .post("/api/t/{tenant}/points/tasks/{id}/approve", org.tenant(), task).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(NOT_AN_APPROVER))
                .body("detail", containsString("approvers.task")).body("detail", containsString("TENANT_ADMIN"));
        given().get("/api/t/{tenant}/points/tasks/{id}", org.tenant(), task).then().body("status",
                equalTo("COMPLETED"));
        assertEquals(0, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
        given().header("Authorization", bearer("tenant-admin"))
                .post("/api/t/{tenant}/points/tasks/{id}/approve", org.tenant(), task).then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        // Bonus awards likewise; corrections still by either role.
        award("branch-secretary", org.tenant(), member, 3).statusCode(403).body("type", equalTo(NOT_AN_APPROVER))
                .body("detail", containsString("approvers.bonus"));
        long entry = award("tenant-admin", org.tenant(), member, 3).statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", bearer("branch-secretary")).contentType(ContentType.JSON)
                .body(Map.of("entryId", entry, "points", -1, "reason", "多记 1 分"))
                .post("/api/t/{tenant}/points/corrections", org.tenant()).then().statusCode(201);
        assertEquals(3, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));

        // The other way round: only secretaries correct; the tenant administrator is refused.
        PointsFixtures.switchPoints(org.tenant(), true,
                Map.of("approvers", Map.of("correction", List.of("BRANCH_SECRETARY")))).statusCode(200);
        given().header("Authorization", bearer("tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("entryId", entry, "points", -1, "reason", "再减 1 分"))
                .post("/api/t/{tenant}/points/corrections", org.tenant()).then().statusCode(403)
                .body("type", equalTo(NOT_AN_APPROVER));
        // That change replaced the tenant's overrides: bonus awards are back to both roles.
        award("branch-secretary", org.tenant(), member, 2).statusCode(201);
    }

    @Test
    void shouldTakeApproversFromTheRegionAndLetATenantChangeOneKind() {
        String region = Fixtures.region();
        given().contentType(ContentType.JSON)
                .body(Map.of("config", Map.of("approvers", Map.of("bonus", List.of("TENANT_ADMIN")))))
                .put("/api/admin/regions/{region}/plugins/points", region).then().statusCode(200);
        PointsFixtures.Org inherits = PointsFixtures.tenantIn(region, null);
        PointsFixtures.Org own = PointsFixtures.tenantIn(region,
                Map.of("approvers", Map.of("task", List.of("TENANT_ADMIN"))));
        for (PointsFixtures.Org org : List.of(inherits, own)) {
            PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
            long member = PointsFixtures.member(org.tenant(), org.branchA());
            award("branch-secretary", org.tenant(), member, 3).statusCode(403).body("type", equalTo(NOT_AN_APPROVER));
        }
        // Layers merge key by key: the tenant set only approvers.task and keeps the region's approvers.bonus.
        given().get("/api/t/{tenant}/plugins/points", own.tenant()).then().statusCode(200)
                .body("config.approvers.bonus", equalTo(List.of("TENANT_ADMIN")))
                .body("config.approvers.task", equalTo(List.of("TENANT_ADMIN")))
                .body("config.approvers.branch", equalTo(List.of("BRANCH_SECRETARY", "TENANT_ADMIN")));
    }

    @Test
    void shouldRefuseInvalidApproversNamingTheFieldAndSaveNothing() {
        PointsFixtures.Org org = PointsFixtures.tenant(Map.of("maxAwardPoints", 15));
        Map<String, Object> before = given().get("/api/t/{tenant}/plugins/points", org.tenant()).then().statusCode(200)
                .extract().jsonPath().getMap("config");

        refused(org.tenant(), Map.of("approvers", Map.of("task", List.of())), "config.approvers.task");
        refused(org.tenant(), Map.of("approvers", Map.of("bonus", List.of("MEMBER"))), "config.approvers.bonus[0]");
        refused(org.tenant(), Map.of("approvers", Map.of("branch", List.of("PLATFORM_ADMIN", "TENANT_ADMIN"))),
                "config.approvers.branch[0]");
        Map<String, Object> nullTask = new HashMap<>();
        nullTask.put("task", null);
        refused(org.tenant(), Map.of("approvers", nullTask), "config.approvers.task");
        refused(org.tenant(), Map.of("approvers", Map.of("judge", List.of("TENANT_ADMIN"))), "config.approvers.judge");
        refused(org.tenant(), Map.of("approvers", List.of("TENANT_ADMIN")), "config.approvers");
        refused(org.tenant(), Map.of("maxBranchItemPoints", 0), "config.maxBranchItemPoints");
        refused(org.tenant(), Map.of("maxBranchItemPoints", 1_000_000), "config.maxBranchItemPoints");
        given().contentType(ContentType.JSON)
                .body(Map.of("config", Map.of("approvers", Map.of("correction", List.of()))))
                .put("/api/admin/regions/{region}/plugins/points", Fixtures.region()).then().statusCode(400)
                .body("field", equalTo("config.approvers.correction"));

        given().get("/api/t/{tenant}/plugins/points", org.tenant()).then().statusCode(200)
                .body("config", equalTo(before)).body("overrides", equalTo(Map.of("maxAwardPoints", 15)));

        // The form's description: a group of four multiple choices of the two roles, with their labels.
        given().get("/api/t/{tenant}/plugins/points", org.tenant()).then()
                .body("settings.find { it.name == 'approvers' }.kind", equalTo("object"))
                .body("settings.find { it.name == 'approvers' }.fields.name",
                        equalTo(List.of("bonus", "correction", "task", "branch")))
                .body("settings.find { it.name == 'approvers' }.fields[2].kind", equalTo("list"))
                .body("settings.find { it.name == 'approvers' }.fields[2].choices",
                        equalTo(List.of("BRANCH_SECRETARY", "TENANT_ADMIN")))
                .body("settings.find { it.name == 'approvers' }.fields[2].choiceLabels[0].zhCN", equalTo("支部书记"))
                .body("settings.find { it.name == 'approvers' }.fields[2].constraints.Size.min", equalTo(1));
    }

    private static void refused(String tenant, Map<String, Object> config, String field) {
        PointsFixtures.switchPoints(tenant, true, config).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field));
    }

    private static io.restassured.response.ValidatableResponse award(String user, String tenant, long member,
            int points) {
        return given().header("Authorization", bearer(user)).contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "points", points, "reason", "志愿服务"))
                .post("/api/t/{tenant}/points/awards", tenant).then();
    }
}
