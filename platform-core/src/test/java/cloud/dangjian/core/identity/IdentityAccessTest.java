package cloud.dangjian.core.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication against the real Keycloak, and authorisation by the platform's memberships. */
@QuarkusTest
class IdentityAccessTest {

    @Test
    void shouldRefuseCallersWithoutAUsableToken() {
        given().noFilters().get("/api/admin/tenants").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://dangjian.cloud/problems/unauthenticated"));
        given().header("Authorization", "Bearer not.a.jwt").get("/api/admin/tenants").then().statusCode(401)
                .contentType("application/problem+json");
        given().noFilters().get("/q/health/ready").then().statusCode(200);
        given().noFilters().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKeyWhateverRolesItClaims() throws Exception {
        KeyPair forger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}");
        String payload = base64("{\"iss\":\"" + Tokens.realmUrl() + "\",\"sub\":\"forged\",\"aud\":\"account\","
                + "\"preferred_username\":\"platform-admin\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"realm_access\":{\"roles\":[\"admin\",\"PLATFORM_ADMIN\"]}}");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(forger.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String forged = header + "." + payload + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        given().header("Authorization", "Bearer " + forged).get("/api/admin/tenants").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnExpiredToken() throws Exception {
        String token = Tokens.shortLived("platform-admin");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
        Thread.sleep(3_500);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenOfAnotherRealm() {
        var response = Tokens.requestIn("master", "admin-cli", "admin", "admin");
        String token = response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldNotLetADisabledUserSignIn() {
        assertNotEquals(200, Tokens.request("dangjian-cli", "disabled-user", "demo").statusCode());
    }

    @Test
    void shouldDescribeTheCallerAndTheirMemberships() {
        given().get("/api/me").then().statusCode(200).body("username", equalTo("platform-admin"))
                .body("userId", not(equalTo(null))).body("memberships.role", hasItem("PLATFORM_ADMIN"))
                .body("memberships[0].permissions", hasItems("tenants:manage", "members:write"));
    }

    @Test
    void shouldKeepMembersInsideTheirTenants() {
        String region = Fixtures.region();
        String tenantA = Fixtures.tenant(region, 10);
        String tenantB = Fixtures.tenant(Fixtures.region(), 10);
        grant(Map.of("username", "member", "role", "MEMBER", "tenant", tenantA));
        grant(Map.of("username", "second-member", "role", "MEMBER", "tenant", tenantA));
        grant(Map.of("username", "second-member", "role", "MEMBER", "tenant", tenantB));
        grant(Map.of("username", "masses", "role", "MASSES", "tenant", tenantA));

        as("member").get("/api/t/{tenant}/organisations", tenantA).then().statusCode(200);
        as("member").get("/api/t/{tenant}/members", tenantA).then().statusCode(403)
                .contentType("application/problem+json");
        as("member").get("/api/t/{tenant}/organisations", tenantB).then().statusCode(404);
        as("member").get("/api/t/{tenant}/organisations", "no-such-tenant").then().statusCode(404);
        as("member").get("/api/admin/tenants").then().statusCode(403);
        as("second-member").get("/api/t/{tenant}/organisations", tenantA).then().statusCode(200);
        as("second-member").get("/api/t/{tenant}/organisations", tenantB).then().statusCode(200);
        as("second-member").get("/api/me").then().body("memberships.tenant", hasItems(tenantA, tenantB));
        as("masses").get("/api/t/{tenant}/organisations", tenantA).then().statusCode(403);
    }

    @Test
    void shouldLimitARegionAdministratorToTheirRegion() {
        String city = Fixtures.region();
        String area = Fixtures.unique("area");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", area, "name", "区域", "level", "AREA", "parentCode", city))
                .post("/api/admin/regions").then().statusCode(201);
        String inside = Fixtures.tenant(area, 10);
        String elsewhere = Fixtures.tenant(Fixtures.region(), 10);
        grant(Map.of("username", "region-admin", "role", "REGION_ADMIN", "regionCode", area));

        as("region-admin").get("/api/t/{tenant}/members", inside).then().statusCode(200);
        as("region-admin").get("/api/t/{tenant}/members", elsewhere).then().statusCode(404);
        as("region-admin").queryParam("region", area).get("/api/admin/tenants").then().statusCode(200).body("items.id",
                equalTo(java.util.List.of(inside)));
        as("region-admin").queryParam("region", city).get("/api/admin/tenants").then().statusCode(404);
        as("region-admin").get("/api/admin/tenants/{id}", elsewhere).then().statusCode(404);
        as("region-admin").post("/api/admin/tenants/{id}/suspend", elsewhere).then().statusCode(404);
        given().get("/api/admin/tenants/{id}", elsewhere).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldLetABranchSecretaryWriteOnlyInsideTheirBranch() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        long committee = Fixtures.organisation(tenant, "c1", "COMMITTEE", null);
        long own = Fixtures.organisation(tenant, "b1", "BRANCH", committee);
        long other = Fixtures.organisation(tenant, "b2", "BRANCH", committee);
        grant(Map.of("username", "branch-secretary", "role", "BRANCH_SECRETARY", "tenant", tenant, "organisationId",
                own));

        as("branch-secretary").contentType(ContentType.JSON)
                .body(Map.of("code", "m1", "member",
                        Map.of("name", "张三", "gender", "MALE", "status", "FULL", "branchId", own)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201);
        as("branch-secretary").contentType(ContentType.JSON)
                .body(Map.of("code", "m2", "member",
                        Map.of("name", "李四", "gender", "MALE", "status", "FULL", "branchId", other)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(403)
                .body("type", equalTo("https://dangjian.cloud/problems/outside-your-organisation"));
        as("branch-secretary").contentType(ContentType.JSON).body(Map.of("name", "改名"))
                .patch("/api/t/{tenant}/organisations/{id}", tenant, own).then().statusCode(403);
        as("branch-secretary").get("/api/t/{tenant}/members", tenant).then().statusCode(200).body("items.size()",
                equalTo(1));
    }

    private static void grant(Map<String, Object> membership) {
        given().contentType(ContentType.JSON).body(membership).post("/api/admin/memberships").then().statusCode(201);
    }

    private static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
