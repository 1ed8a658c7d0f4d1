package cloud.dangjian.core.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantAdminTest {

    @Test
    void shouldOnboardTenantIntoRegionAndListItByRegionSubtree() {
        String city = Fixtures.region();
        String area = Fixtures.unique("area");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", area, "name", "金港区域", "level", "AREA", "parentCode", city))
                .post("/api/admin/regions").then().statusCode(201).body("parentCode", equalTo(city));
        String tenant = Fixtures.tenant(area, 100);

        given().get("/api/admin/tenants/{id}", tenant).then().statusCode(200).body("regionCode", equalTo(area))
                .body("status", equalTo("ACTIVE")).body("plan.memberQuota", equalTo(100));
        given().queryParam("region", city).get("/api/admin/tenants").then().statusCode(200)
                .body("items.id", hasItem(tenant)).body("total", equalTo(1));
        given().queryParam("region", city).queryParam("type", "COMMUNITY").get("/api/admin/tenants").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseInvalidTenantNamingTheField() {
        String region = Fixtures.region();
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "Bad Slug!", "name", "x", "type", "ENTERPRISE", "regionCode", region, "plan",
                        Map.of("plugins", List.of(), "memberQuota", 10)))
                .post("/api/admin/tenants").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("id"));
        given().contentType(ContentType.JSON)
                .body(Map.of("id", Fixtures.unique("t"), "name", "x", "type", "ENTERPRISE", "regionCode", region,
                        "plan", Map.of("plugins", List.of(), "memberQuota", -1)))
                .post("/api/admin/tenants").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("plan.memberQuota"));
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"abc-def\",\"name\":\"x\",\"type\":\"SPACESHIP\",\"regionCode\":\"" + region
                        + "\",\"plan\":{\"plugins\":[],\"memberQuota\":1}}")
                .post("/api/admin/tenants").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body(Map.of("id", Fixtures.unique("t"), "name", "x", "type", "ENTERPRISE", "regionCode", "nowhere",
                        "plan", Map.of("plugins", List.of(), "memberQuota", 1)))
                .post("/api/admin/tenants").then().statusCode(400).body("field", equalTo("regionCode"));
    }

    @Test
    void shouldRefuseSuspendedTenantsApiAndKeepItsData() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        long branch = Fixtures.organisation(tenant, "b1", "BRANCH", null);

        given().post("/api/admin/tenants/{id}/suspend", tenant).then().statusCode(200).body("status",
                equalTo("SUSPENDED"));
        given().get("/api/t/{tenant}/organisations", tenant).then().statusCode(403)
                .contentType("application/problem+json").body("type", startsWith("https://"))
                .body("type", equalTo("https://dangjian.cloud/problems/tenant-suspended"));

        given().post("/api/admin/tenants/{id}/activate", tenant).then().statusCode(200);
        given().get("/api/t/{tenant}/organisations/{id}", tenant, branch).then().log().ifValidationFails()
                .statusCode(200).body("code", equalTo("b1"));

        given().post("/api/admin/tenants/{id}/archive", tenant).then().statusCode(200);
        given().get("/api/t/{tenant}/organisations", tenant).then().statusCode(403).body("type",
                equalTo("https://dangjian.cloud/problems/tenant-archived"));
    }

    @Test
    void shouldRefuseTenantWhosePlanExpired() {
        String region = Fixtures.region();
        String tenant = Fixtures.tenant(region, 10);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "过期租户", "type", "COMMUNITY", "regionCode", region, "plan",
                        Map.of("plugins", List.of(), "memberQuota", 10, "expiresOn",
                                LocalDate.now().minusDays(1).toString())))
                .put("/api/admin/tenants/{id}", tenant).then().statusCode(200).body("type", equalTo("COMMUNITY"));
        given().get("/api/t/{tenant}/members", tenant).then().statusCode(403).body("type",
                equalTo("https://dangjian.cloud/problems/tenant-plan-expired"));
    }

    @Test
    void shouldAnswerUnknownAndMalformedTenantsWithProblems() {
        given().get("/api/t/{tenant}/members", "no-such-tenant").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/t/{tenant}/members", "Robert'); DROP TABLE--").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("tenant"));
        given().get("/api/admin/tenants/{id}", "no-such-tenant").then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(equalTo(null)));
    }
}
