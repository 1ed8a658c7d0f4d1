package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;

import cloud.dangjian.core.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tenant with the points plugin on, an organisation tree of two branches, members, and people to act in it. */
final class PointsFixtures {

    /** The tenant, its committee and two branches. */
    record Org(String tenant, long committee, long branchA, long branchB) {
    }

    private PointsFixtures() {
    }

    /** A fresh tenant whose plan allows points, switched on with the given overrides of its settings. */
    static Org tenant(Map<String, Object> config) {
        return tenantIn(Fixtures.region(), config);
    }

    /** As {@link #tenant(Map)}, in a given region. */
    static Org tenantIn(String region, Map<String, Object> config) {
        String tenant = Fixtures.unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "租户 " + tenant, "type", "ENTERPRISE", "regionCode", region, "plan",
                        Map.of("plugins", List.of(PointsPlugin.ID), "memberQuota", 500)))
                .post("/api/admin/tenants").then().statusCode(201);
        long committee = Fixtures.organisation(tenant, Fixtures.unique("C"), "COMMITTEE", null);
        long branchA = Fixtures.organisation(tenant, Fixtures.unique("BA"), "BRANCH", committee);
        long branchB = Fixtures.organisation(tenant, Fixtures.unique("BB"), "BRANCH", committee);
        switchPoints(tenant, true, config).statusCode(200);
        return new Org(tenant, committee, branchA, branchB);
    }

    static ValidatableResponse switchPoints(String tenant, Boolean enabled, Map<String, Object> config) {
        Map<String, Object> body = new HashMap<>();
        if (enabled != null) {
            body.put("enabled", enabled);
        }
        if (config != null) {
            body.put("config", config);
        }
        return given().contentType(ContentType.JSON).body(body)
                .put("/api/t/{tenant}/plugins/{plugin}", tenant, PointsPlugin.ID).then();
    }

    static long member(String tenant, long branch) {
        String code = Fixtures.unique("M");
        return Fixtures.member(tenant, code, "党员" + code, branch);
    }

    /** Grants a demo user a role in the tenant (an organisation for a branch secretary). */
    static void grant(String username, String role, String tenant, Long organisationId) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "role", role, "tenant", tenant));
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/admin/memberships").then().statusCode(201);
    }

    /** The rules setting with one rule for the test plugin's event. */
    static Map<String, Object> probeRule(int points, int dailyCap, int periodCap) {
        return Map.of("rules", List.of(Map.of("eventType", "study-probe.article-read", "label", "阅读文章 Article read",
                "points", points, "dailyCap", dailyCap, "periodCap", periodCap)), "appraisalPeriod", "MONTH");
    }

    static String bearer(String username) {
        return "Bearer " + cloud.dangjian.core.testing.Tokens.of(username);
    }
}
