package cloud.dangjian.core.applicant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberDevelopmentTest {

    @Test
    void shouldTakeAnApplicantThroughEveryStageToFullMembership() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        long branch = Fixtures.organisation(tenant, "b1", "BRANCH", null);
        long id = apply(tenant, "a1", branch, "2023-03-01");

        advance(tenant, id, "ACTIVIST", "2023-09-01").then().statusCode(200).body("stage", equalTo("ACTIVIST"));
        advance(tenant, id, "DEVELOPMENT_CANDIDATE", "2024-06-01").then().statusCode(200);
        long memberId = advance(tenant, id, "PROBATIONARY", "2024-07-01").then().statusCode(200)
                .body("memberId", notNullValue()).extract().jsonPath().getLong("memberId");
        given().get("/api/t/{tenant}/members/{id}", tenant, memberId).then().statusCode(200)
                .body("status", equalTo("PROBATIONARY")).body("joinedOn", equalTo("2024-07-01"))
                .body("code", equalTo("a1"));

        advance(tenant, id, "FULL_MEMBER", "2025-07-01").then().statusCode(200).body("stage", equalTo("FULL_MEMBER"))
                .body("fullMemberOn", equalTo("2025-07-01"));
        given().get("/api/t/{tenant}/members/{id}", tenant, memberId).then().body("status", equalTo("FULL"));
        given().queryParam("stage", "FULL_MEMBER").get("/api/t/{tenant}/applicants", tenant).then().body("items.size()",
                equalTo(1));
    }

    @Test
    void shouldRefuseSkippingAStageOrGoingBackInTime() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        long branch = Fixtures.organisation(tenant, "b1", "BRANCH", null);
        long id = apply(tenant, "a1", branch, "2023-03-01");

        advance(tenant, id, "PROBATIONARY", "2024-01-01").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("stage"));
        advance(tenant, id, "ACTIVIST", "2023-01-01").then().statusCode(400).body("field", equalTo("on"));
        advance(tenant, id, "ACTIVIST", "2999-01-01").then().statusCode(400).body("field", equalTo("on"));
        given().get("/api/t/{tenant}/applicants/{id}", tenant, id).then().body("stage", equalTo("APPLICANT"));
    }

    @Test
    void shouldNotAdmitAProbationaryMemberBeyondThePlansQuota() {
        String tenant = Fixtures.tenant(Fixtures.region(), 1);
        long branch = Fixtures.organisation(tenant, "b1", "BRANCH", null);
        Fixtures.member(tenant, "m1", "张三", branch);
        long id = apply(tenant, "a1", branch, "2023-03-01");
        advance(tenant, id, "ACTIVIST", "2023-09-01").then().statusCode(200);
        advance(tenant, id, "DEVELOPMENT_CANDIDATE", "2024-06-01").then().statusCode(200);

        advance(tenant, id, "PROBATIONARY", "2024-07-01").then().statusCode(409).body("type",
                equalTo("https://dangjian.cloud/problems/member-quota-exceeded"));
        given().get("/api/t/{tenant}/applicants/{id}", tenant, id).then().body("stage",
                equalTo("DEVELOPMENT_CANDIDATE"));
    }

    private static long apply(String tenant, String code, long branch, String appliedOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "李积极", "gender", "MALE", "branchId", branch, "appliedOn", appliedOn,
                        "birthDate", "2000-01-01"))
                .post("/api/t/{tenant}/applicants", tenant).then().statusCode(201).body("stage", equalTo("APPLICANT"))
                .extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response advance(String tenant, long id, String stage, String on) {
        return given().contentType(ContentType.JSON).body(Map.of("stage", stage, "on", on))
                .post("/api/t/{tenant}/applicants/{id}/advance", tenant, id);
    }
}
