package cloud.dangjian.plugins.points;

import static cloud.dangjian.plugins.points.PointsFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bonus awards, corrections, bad input, tenants, the plugin switch and the ledger's hash chain, through the API. */
@QuarkusTest
class PointsLedgerTest {

    @Inject
    AgroalDataSource app;

    @Inject
    @DataSource("migration")
    AgroalDataSource owner;

    @Test
    void shouldAnswerOnlyInTenantsWherePointsAreOnAndKeepTheirLedgersApart() {
        PointsFixtures.Org a = PointsFixtures.tenant(null);
        PointsFixtures.Org b = PointsFixtures.tenant(null);
        long memberA = PointsFixtures.member(a.tenant(), a.branchA());
        long memberB = PointsFixtures.member(b.tenant(), b.branchA());
        award(a.tenant(), memberA, 8, "志愿服务 volunteer service").statusCode(201);
        award(b.tenant(), memberB, 3, "荣誉 honour").statusCode(201);

        given().get("/api/t/{tenant}/points/members/{id}", a.tenant(), memberA).then().statusCode(200)
                .body("balance.total", equalTo(8)).body("balance.byKind.BONUS", equalTo(8));
        given().get("/api/t/{tenant}/points/rankings/members", b.tenant()).then().statusCode(200)
                .body("top.memberId", equalTo(java.util.List.of((int) memberB))).body("top[0].total", equalTo(3));
        // Another tenant's member is not a member here: refused naming the field, nothing written.
        award(a.tenant(), memberB, 5, "跨租户").statusCode(400).contentType("application/problem+json").body("field",
                equalTo("memberId"));
        given().get("/api/t/{tenant}/points/members/{id}", a.tenant(), memberB).then().statusCode(404);
        assertEquals(1, Database.count(app, a.tenant(), "SELECT count(*) FROM points_ledger"));
        assertEquals(0,
                Database.count(app, a.tenant(), "SELECT count(*) FROM points_ledger WHERE tenant_id = ?", b.tenant()),
                "row-level security hides the other tenant's entries even when asked by name");

        PointsFixtures.switchPoints(a.tenant(), false, null).statusCode(200);
        given().get("/api/t/{tenant}/points/rankings/members", a.tenant()).then().statusCode(404)
                .contentType("application/problem+json");
        award(a.tenant(), memberA, 1, "关闭时").statusCode(404);
        given().get("/api/t/{tenant}/points/rankings/members", b.tenant()).then().statusCode(200);
        PointsFixtures.switchPoints(a.tenant(), true, null).statusCode(200);
        given().get("/api/t/{tenant}/points/members/{id}", a.tenant(), memberA).then().statusCode(200)
                .body("balance.total", equalTo(8));
    }

    @Test
    void shouldRefuseBadAwardsNamingTheFieldAndWriteNothing() {
        PointsFixtures.Org org = PointsFixtures.tenant(Map.of("maxAwardPoints", 10));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        award(org.tenant(), member, 0, "零分").statusCode(400).body("field", equalTo("points"));
        award(org.tenant(), member, -5, "负分").statusCode(400).body("field", equalTo("points"));
        award(org.tenant(), member, 11, "超过上限").statusCode(400).body("field", equalTo("points"));
        award(org.tenant(), member, 1_000_000, "荒唐").statusCode(400).body("field", equalTo("points"));
        award(org.tenant(), member, 5, " ").statusCode(400).body("field", equalTo("reason"));
        award(org.tenant(), 999_999_999L, 5, "无此人").statusCode(400).body("field", equalTo("memberId"));
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "points", "many", "reason", "x"))
                .post("/api/t/{tenant}/points/awards", org.tenant()).then().statusCode(400)
                .body("field", equalTo("points"));
        assertEquals(0, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
    }

    @Test
    void shouldKeepBranchSecretariesInsideTheirBranchAndMembersFromAwarding() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long inside = PointsFixtures.member(org.tenant(), org.branchA());
        long outside = PointsFixtures.member(org.tenant(), org.branchB());
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        PointsFixtures.grant("member", "MEMBER", org.tenant(), null);

        given().header("Authorization", bearer("branch-secretary")).contentType(ContentType.JSON)
                .body(Map.of("memberId", inside, "points", 3, "reason", "支部内"))
                .post("/api/t/{tenant}/points/awards", org.tenant()).then().statusCode(201)
                .body("grantedBy", equalTo("branch-secretary"));
        given().header("Authorization", bearer("branch-secretary")).contentType(ContentType.JSON)
                .body(Map.of("memberId", outside, "points", 3, "reason", "支部外"))
                .post("/api/t/{tenant}/points/awards", org.tenant()).then().statusCode(403)
                .body("type", equalTo("https://dangjian.cloud/problems/outside-your-organisation"))
                .body("field", equalTo("memberId"));
        given().header("Authorization", bearer("member")).contentType(ContentType.JSON)
                .body(Map.of("memberId", inside, "points", 3, "reason", "自己给"))
                .post("/api/t/{tenant}/points/awards", org.tenant()).then().statusCode(403);
        given().header("Authorization", bearer("member")).get("/api/t/{tenant}/points/rankings/members", org.tenant())
                .then().statusCode(200).body("top[0].memberId", equalTo((int) inside));
        assertEquals(1, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
    }

    @Test
    void shouldCorrectWithCompensatingEntriesNeverEdits() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        long entry = award(org.tenant(), member, 10, "先进个人").statusCode(201).extract().jsonPath().getLong("id");

        correct(org.tenant(), entry, -4, "多记了 4 分").statusCode(201).body("kind", equalTo("CORRECTION"))
                .body("correctsId", equalTo((int) entry)).body("points", equalTo(-4));
        balance(org.tenant(), member, 6);
        // More than what remains, or the wrong sign, or nothing: refused, nothing written.
        correct(org.tenant(), entry, -7, "过头了").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), entry, 5, "反向").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), entry, 0, "不变").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), entry, null, "").statusCode(400).body("field", equalTo("reason"));
        // Without points: undo what remains.
        long undo = correct(org.tenant(), entry, null, "撤销：不符合条件").statusCode(201).body("points", equalTo(-6)).extract()
                .jsonPath().getLong("id");
        balance(org.tenant(), member, 0);
        given().get("/api/t/{tenant}/points/rankings/members?member={id}", org.tenant(), member).then().statusCode(200)
                .body("member.total", equalTo(0)).body("top[0].total", equalTo(0));
        correct(org.tenant(), entry, null, "再撤销").statusCode(400).body("field", equalTo("points"));
        correct(org.tenant(), undo, null, "更正更正").statusCode(400).body("field", equalTo("entryId"));

        given().get("/api/t/{tenant}/points/members/{id}/history", org.tenant(), member).then().statusCode(200)
                .body("reason", equalTo(java.util.List.of("撤销：不符合条件", "多记了 4 分", "先进个人")))
                .body("points", equalTo(java.util.List.of(-6, -4, 10)));
        assertEquals(10, Database.count(app, org.tenant(), "SELECT points FROM points_ledger WHERE id = ?", entry),
                "the corrected entry itself is untouched");
        assertEquals(3, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
    }

    @Test
    void shouldFindTheFirstEntryChangedBehindTheApplicationsBack() throws SQLException {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        PointsFixtures.Org other = PointsFixtures.tenant(null);
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        long otherMember = PointsFixtures.member(other.tenant(), other.branchA());
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = award(org.tenant(), member, i + 1, "第 " + (i + 1) + " 次").statusCode(201).extract().jsonPath()
                    .getLong("id");
            award(other.tenant(), otherMember, 1, "另一租户").statusCode(201);
        }
        given().get("/api/t/{tenant}/points/verify", org.tenant()).then().statusCode(200).body("intact", equalTo(true))
                .body("entries", equalTo(5)).body("firstBroken", nullValue());

        // The application's role may not change history at all.
        SQLException refused = assertThrows(SQLException.class,
                () -> Database.update(app, org.tenant(), "UPDATE points_ledger SET points = 99 WHERE id = ?", ids[2]));
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        assertThrows(SQLException.class,
                () -> Database.update(app, org.tenant(), "DELETE FROM points_ledger WHERE id = ?", ids[4]));

        // The owner can, as anyone with the database's keys could: the chain shows it.
        assertEquals(1,
                Database.update(owner, org.tenant(), "UPDATE points_ledger SET points = 99 WHERE id = ?", ids[2]));
        given().get("/api/t/{tenant}/points/verify", org.tenant()).then().statusCode(200).body("intact", equalTo(false))
                .body("entries", equalTo(5)).body("firstBroken.seq", equalTo(3))
                .body("firstBroken.entryId", equalTo((int) ids[2]))
                .body("firstBroken.reason", containsString("changed"));
        given().get("/api/t/{tenant}/points/verify", other.tenant()).then().statusCode(200).body("intact",
                equalTo(true));

        // Removing an entry, or rewriting its hash too, is found as well.
        PointsFixtures.Org third = PointsFixtures.tenant(null);
        long thirdMember = PointsFixtures.member(third.tenant(), third.branchA());
        long first = award(third.tenant(), thirdMember, 1, "一").statusCode(201).extract().jsonPath().getLong("id");
        long second = award(third.tenant(), thirdMember, 2, "二").statusCode(201).extract().jsonPath().getLong("id");
        award(third.tenant(), thirdMember, 3, "三").statusCode(201);
        Database.update(owner, third.tenant(),
                "UPDATE points_ledger SET reason = '改', hash = repeat('a', 64) " + "WHERE id = ?", first);
        given().get("/api/t/{tenant}/points/verify", third.tenant()).then().body("firstBroken.seq", equalTo(1));
        Database.update(owner, third.tenant(), "DELETE FROM points_ledger WHERE id = ?", second);
        given().get("/api/t/{tenant}/points/verify", third.tenant()).then().body("intact", equalTo(false))
                .body("firstBroken.seq", equalTo(1));
    }

    @Test
    void shouldLetOnlyTenantAdministratorsVerify() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", org.tenant(), org.branchA());
        given().header("Authorization", bearer("branch-secretary")).get("/api/t/{tenant}/points/verify", org.tenant())
                .then().statusCode(403);
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", org.tenant(), null);
        given().header("Authorization", bearer("tenant-admin")).get("/api/t/{tenant}/points/verify", org.tenant())
                .then().statusCode(200).body("intact", equalTo(true)).body("entries", equalTo(0));
    }

    static io.restassured.response.ValidatableResponse award(String tenant, long member, int points, String reason) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "points", points, "reason", reason))
                .post("/api/t/{tenant}/points/awards", tenant).then();
    }

    static io.restassured.response.ValidatableResponse correct(String tenant, long entry, Integer points,
            String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("entryId", entry, "reason", reason));
        if (points != null) {
            body.put("points", points);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/t/{tenant}/points/corrections", tenant)
                .then();
    }

    static void balance(String tenant, long member, int expected) {
        given().get("/api/t/{tenant}/points/members/{id}", tenant, member).then().statusCode(200).body("balance.total",
                equalTo(expected));
    }
}
