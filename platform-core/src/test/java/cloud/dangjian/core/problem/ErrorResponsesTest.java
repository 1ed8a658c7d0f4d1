package cloud.dangjian.core.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every way a request can be wrong answers application/problem+json, never a bare status or an HTML page. */
@QuarkusTest
class ErrorResponsesTest {

    @Test
    void shouldNameAMistypedQueryParameterInsteadOfAnsweringNotFound() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        given().queryParam("status", "ALIEN").get("/api/t/{tenant}/members", tenant).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("status"))
                .body("detail", equalTo("status must be one of FULL, PROBATIONARY"));
        given().queryParam("branchId", "x").get("/api/t/{tenant}/members", tenant).then().statusCode(400).body("field",
                equalTo("branchId"));
        given().queryParam("type", "SPACESHIP").get("/api/admin/tenants").then().statusCode(400).body("field",
                equalTo("type"));
    }

    @Test
    void shouldExplainMalformedJson() {
        given().contentType("application/json").body("{not json").post("/api/admin/tenants").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", startsWith("the request body is not valid JSON"));
    }

    @Test
    void shouldAnswerWrongMethodsAndContentTypesWithProblems() {
        given().delete("/api/admin/tenants").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{}").post("/api/admin/regions/any/imports/members").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
    }
}
