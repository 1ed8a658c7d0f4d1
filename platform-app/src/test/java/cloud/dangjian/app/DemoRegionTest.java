package cloud.dangjian.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import cloud.dangjian.core.tenantconfig.file.ConfigSource;
import cloud.dangjian.core.tenantconfig.service.TenantConfigApplier;
import cloud.dangjian.core.tenantconfig.service.TenantConfigReport;
import cloud.dangjian.core.tenantconfig.service.TenantConfigStartup;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application as a user first meets it: the demo region loaded, the API documented, health reported. */
@QuarkusTest
class DemoRegionTest {

    @Inject
    TenantConfigApplier tenantConfig;

    @Test
    void shouldLoadTheDemoRegionWithTenantsOfEveryType() {
        given().queryParam("region", "zjg").queryParam("size", 100).get("/api/admin/tenants").then().statusCode(200)
                .body("total", equalTo(100)).body("items.type", hasItems("ENTERPRISE", "COMMUNITY",
                        "SOCIAL_ORGANISATION", "NON_PUBLIC_ENTERPRISE", "INSTITUTION"));
        given().get("/api/t/zjg-shagang-steel/organisations").then().statusCode(200).body("[0].kind",
                equalTo("COMMITTEE"));
        given().queryParam("size", 5).get("/api/t/zjg-shagang-steel/members").then().statusCode(200)
                .body("items.size()", equalTo(5))
                .body("items[0].idCardMasked", matchesPattern("^320\\*{11}[0-9X]{4}$"));
    }

    @Test
    void shouldChangeNothingWhenTheDemoRegionIsLoadedAgain() throws Exception {
        String before = given().get("/api/t/zjg-jingang-community/members?size=500").asString();
        TenantConfigReport again = tenantConfig.apply(ConfigSource.classpath(TenantConfigStartup.DEMO), false);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), again.changes());
        org.junit.jupiter.api.Assertions.assertEquals(111, again.files());
        String after = given().get("/api/t/zjg-jingang-community/members?size=500").asString();
        org.junit.jupiter.api.Assertions.assertEquals(before, after);
    }

    @Test
    void shouldSignTheDemoUsersIntoTheirDemoTenantsOnly() {
        String tenantAdmin = "Bearer " + Tokens.of("tenant-admin");
        given().header("Authorization", tenantAdmin).get("/api/t/zjg-shagang-steel/members").then().statusCode(200);
        given().header("Authorization", tenantAdmin).get("/api/t/zjg-lawyers/members").then().statusCode(404);
        given().header("Authorization", "Bearer " + Tokens.of("branch-secretary")).get("/api/me").then().statusCode(200)
                .body("memberships[0].role", equalTo("BRANCH_SECRETARY"))
                .body("memberships[0].tenant", equalTo("zjg-shagang-steel"));
        // The demo's `member` login is linked to member M0001 of 沙钢集团 by its tenant file: "my" points answer.
        given().header("Authorization", "Bearer " + Tokens.of("member")).get("/api/t/zjg-shagang-steel/points/me")
                .then().statusCode(200).body("inTenant", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + Tokens.of("region-admin")).queryParam("region", "zjg")
                .get("/api/admin/tenants").then().statusCode(200).body("total", greaterThanOrEqualTo(10));
    }

    @Test
    void shouldServeOpenApiSwaggerUiAndHealth() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths.'/api/admin/tenants'.get.summary",
                equalTo("List tenants, filtered by region subtree, type and status, paged"));
        given().noFilters().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldAnswerUnknownRoutesWithProblemJson() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
