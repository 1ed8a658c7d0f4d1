package cloud.dangjian.plugins.points;

import static cloud.dangjian.plugins.points.PointsFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Branch-level items (支部积分项): granted inside one's subtree, corrected by compensation, counted in branch rankings. */
@QuarkusTest
class BranchItemsTest {

    @Inject
    AgroalDataSource app;

    @Test
    void shouldAddABranchsItemsToItsPerHeadScoreAndCorrectThemByCompensation() throws SQLException {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long a1 = PointsFixtures.member(org.tenant(), org.branchA());
        long a2 = PointsFixtures.member(org.tenant(), org.branchA());
        long b1 = PointsFixtures.member(org.tenant(), org.branchB());
        PointsLedgerTest.award(org.tenant(), a1, 10, "优秀").statusCode(201);
        PointsLedgerTest.award(org.tenant(), a2, 2, "参与").statusCode(201);
        PointsLedgerTest.award(org.tenant(), b1, 4, "志愿").statusCode(201);
        // Per head: A 6.00, B 4.00.
        ranking(org.tenant()).body("organisationId", equalTo(List.of((int) org.branchA(), (int) org.branchB())))
                .body("score", equalTo(List.of(6.0f, 4.0f))).body("items", equalTo(List.of(0, 0)));

        long item = grant(null, org.tenant(), org.branchB(), 5, "支部获评先进").statusCode(201).body("kind", equalTo("ITEM"))
                .body("organisationId", equalTo((int) org.branchB())).body("grantedBy", equalTo("platform-admin"))
                .body("reason", equalTo("支部获评先进")).extract().jsonPath().getLong("id");
        // B: 4.00 per head + 5 = 9.00, ahead of A; member rankings and the member ledger are untouched.
        ranking(org.tenant()).body("organisationId", equalTo(List.of((int) org.branchB(), (int) org.branchA())))
                .body("perHead", equalTo(List.of(4.0f, 6.0f))).body("items", equalTo(List.of(5, 0)))
                .body("score", equalTo(List.of(9.0f, 6.0f))).body("rank", equalTo(List.of(1, 2)));
        assertEquals(3, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
        String csv = given().get("/api/t/{tenant}/points/appraisal-branches.csv", org.tenant()).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).contains("支部积分项 branch items"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,") && lines.get(1).endsWith(",1,4,4.00,5,9.00"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,") && lines.get(2).endsWith(",2,12,6.00,0,6.00"), lines.get(2));
        given().get("/api/t/{tenant}/points/verify", org.tenant()).then().body("intact", equalTo(true));
        // Another period does not see it.
        given().get("/api/t/{tenant}/points/rankings/branches?period=2025", org.tenant()).then().statusCode(200)
                .body("items", equalTo(List.of(0, 0)));

        // Corrections compensate; the item itself never changes.
        correct(org.tenant(), item, -3, "评选范围为区级，按 2 分计").statusCode(201).body("kind", equalTo("CORRECTION"))
                .body("correctsId", equalTo((int) item)).body("points", equalTo(-3));
        ranking(org.tenant()).body("organisationId", equalTo(List.of((int) org.branchA(), (int) org.branchB())))
                .body("score", equalTo(List.of(6.0f, 6.0f))).body("rank", equalTo(List.of(1, 1)));
        correct(org.tenant(), item, -3, "过头").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), item, 4, "超过原项").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), item, 0, "不变").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), item, null, " ").statusCode(400).body("field", equalTo("reason"));
        long undo = correct(org.tenant(), item, null, "撤销").statusCode(201).body("points", equalTo(-2)).extract()
                .jsonPath().getLong("id");
        correct(org.tenant(), undo, null, "更正更正").statusCode(400).body("field", equalTo("itemId"));
        correct(org.tenant(), 999_999_999L, null, "无此项").statusCode(404);
        ranking(org.tenant()).body("items", equalTo(List.of(0, 0)));

        given().get("/api/t/{tenant}/points/branch-items?organisation={b}", org.tenant(), org.branchB()).then()
                .statusCode(200).body("reason", equalTo(List.of("撤销", "评选范围为区级，按 2 分计", "支部获评先进")))
                .body("points", equalTo(List.of(-2, -3, 5)))
                .body("kind", equalTo(List.of("CORRECTION", "CORRECTION", "ITEM")))
                .body("correctsId", equalTo(java.util.Arrays.asList((int) item, (int) item, null)));
        assertEquals(5, Database.count(app, org.tenant(), "SELECT points FROM points_branch_items WHERE id = ?", item),
                "the corrected item itself is untouched");
        SQLException refused = assertThrows(SQLException.class, () -> Database.update(app, org.tenant(),
                "UPDATE points_branch_items SET points = 50 WHERE id = ?", item));
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        assertThrows(SQLException.class,
                () -> Database.update(app, org.tenant(), "DELETE FROM points_branch_items WHERE id = ?", item));
    }

    @Test
    void shouldRefuseAbsurdPointsOtherTenantsAndOrganisationsOutsideTheCallersSubtree() {
        PointsFixtures.Org org = PointsFixtures.tenant(Map.of("maxBranchItemPoints", 10));
        PointsFixtures.Org other = PointsFixtures.tenant(null);
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        PointsFixtures.grant("member", "MEMBER", org.tenant(), null);

        grant(null, org.tenant(), org.branchA(), 0, "零").statusCode(400).body("field", equalTo("points"));
        grant(null, org.tenant(), org.branchA(), -5, "负").statusCode(400).body("field", equalTo("points"));
        grant(null, org.tenant(), org.branchA(), 11, "超上限").statusCode(400).body("field", equalTo("points"));
        grant(null, org.tenant(), org.branchA(), 1_000_000, "荒唐").statusCode(400).body("field", equalTo("points"));
        grant(null, org.tenant(), org.branchA(), 5, " ").statusCode(400).body("field", equalTo("reason"));
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", org.branchA(), "points", "many", "reason", "x"))
                .post("/api/t/{tenant}/points/branch-items", org.tenant()).then().statusCode(400);
        // Another tenant's branch does not exist here.
        grant(null, org.tenant(), other.branchA(), 5, "跨租户").statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("organisationId"));
        given().get("/api/t/{tenant}/points/branch-items?organisation={o}", org.tenant(), other.branchA()).then()
                .statusCode(404);
        // A committee is not a branch: rankings rank branches.
        grant(null, org.tenant(), org.committee(), 5, "党委").statusCode(400).body("field", equalTo("organisationId"));
        // The secretary of branch A grants to A, not to B; a member not at all.
        grant("branch-secretary", org.tenant(), org.branchA(), 3, "三会一课按时召开").statusCode(201).body("grantedBy",
                equalTo("branch-secretary"));
        grant("branch-secretary", org.tenant(), org.branchB(), 3, "别的支部").statusCode(403)
                .body("type", equalTo("https://dangjian.cloud/problems/outside-your-organisation"))
                .body("field", equalTo("organisationId"));
        grant("member", org.tenant(), org.branchA(), 3, "自己给").statusCode(403);
        // The member may read them (why the branch scores what it does).
        given().header("Authorization", bearer("member")).get("/api/t/{tenant}/points/branch-items", org.tenant())
                .then().statusCode(200).body("reason", equalTo(List.of("三会一课按时召开")));
        // Where only tenant administrators grant branch items, the secretary is refused even for their own branch.
        PointsFixtures
                .switchPoints(org.tenant(), true,
                        Map.of("maxBranchItemPoints", 10, "approvers", Map.of("branch", List.of("TENANT_ADMIN"))))
                .statusCode(200);
        grant("branch-secretary", org.tenant(), org.branchA(), 3, "再记").statusCode(403).body("type",
                equalTo("https://dangjian.cloud/problems/not-an-approver"));

        assertEquals(1, Database.count(app, org.tenant(), "SELECT count(*) FROM points_branch_items"));
        assertEquals(0, Database.count(app, org.tenant(),
                "SELECT count(*) FROM points_branch_items WHERE tenant_id = ?", other.tenant()));
        assertEquals(0, Database.count(app, other.tenant(), "SELECT count(*) FROM points_branch_items"),
                "row-level security keeps the other tenant's view empty");
        // The plugin off: 404, and the item is still there when it comes back.
        PointsFixtures.switchPoints(org.tenant(), false, null).statusCode(200);
        grant(null, org.tenant(), org.branchA(), 3, "关闭时").statusCode(404);
        PointsFixtures.switchPoints(org.tenant(), true, null).statusCode(200);
        given().get("/api/t/{tenant}/points/branch-items", org.tenant()).then().statusCode(200).body("points",
                equalTo(List.of(3)));
    }

    @Test
    void shouldLetOnlyOneOfConcurrentUndoingCorrectionsThrough() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long item = grant(null, org.tenant(), org.branchA(), 5, "三会一课按时召开").statusCode(201).extract().jsonPath()
                .getLong("id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> correct(org.tenant(), item, null, "撤销").extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(code -> code == 201).count(), codes.toString());
            assertEquals(3, codes.stream().filter(code -> code == 400).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, Database.count(app, org.tenant(), "SELECT sum(points) FROM points_branch_items"));
    }

    private static ValidatableResponse ranking(String tenant) {
        return given().get("/api/t/{tenant}/points/rankings/branches", tenant).then().statusCode(200);
    }

    private static ValidatableResponse grant(String user, String tenant, long organisation, int points, String reason) {
        var request = given().contentType(ContentType.JSON);
        if (user != null) {
            request = request.header("Authorization", bearer(user));
        }
        return request.body(Map.of("organisationId", organisation, "points", points, "reason", reason))
                .post("/api/t/{tenant}/points/branch-items", tenant).then();
    }

    private static ValidatableResponse correct(String tenant, long item, Integer points, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("itemId", item, "reason", reason));
        if (points != null) {
            body.put("points", points);
        }
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/t/{tenant}/points/branch-items/corrections", tenant).then();
    }
}
