package cloud.dangjian.core.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationTreeTest {

    String tenant;
    long committee;
    long otherCommittee;
    long generalBranch;
    long branch;
    long group;

    @BeforeEach
    void aTree() {
        tenant = Fixtures.tenant(Fixtures.region(), 10);
        committee = Fixtures.organisation(tenant, "c1", "COMMITTEE", null);
        otherCommittee = Fixtures.organisation(tenant, "c2", "COMMITTEE", null);
        generalBranch = Fixtures.organisation(tenant, "g1", "GENERAL_BRANCH", committee);
        branch = Fixtures.organisation(tenant, "b1", "BRANCH", generalBranch);
        group = Fixtures.organisation(tenant, "p1", "GROUP", branch);
    }

    @Test
    void shouldListTheTreeAndASubtreeParentsFirst() {
        given().get("/api/t/{tenant}/organisations", tenant).then().statusCode(200).body("path",
                contains("/c1/", "/c1/g1/", "/c1/g1/b1/", "/c1/g1/b1/p1/", "/c2/"));
        given().queryParam("under", generalBranch).get("/api/t/{tenant}/organisations", tenant).then().body("code",
                contains("g1", "b1", "p1"));
    }

    @Test
    void shouldMoveABranchWithItsWholeSubtree() {
        given().contentType(ContentType.JSON).body(Map.of("parentId", otherCommittee))
                .post("/api/t/{tenant}/organisations/{id}/move", tenant, generalBranch).then().statusCode(200)
                .body("path", equalTo("/c2/g1/")).body("parentId", equalTo((int) otherCommittee));
        given().get("/api/t/{tenant}/organisations/{id}", tenant, group).then().body("path", equalTo("/c2/g1/b1/p1/"));
        given().queryParam("under", otherCommittee).get("/api/t/{tenant}/organisations", tenant).then().body("code",
                contains("c2", "g1", "b1", "p1"));
    }

    @Test
    void shouldRenameAnOrganisation() {
        given().contentType(ContentType.JSON).body(Map.of("name", "第一党支部（更名）"))
                .patch("/api/t/{tenant}/organisations/{id}", tenant, branch).then().statusCode(200)
                .body("name", equalTo("第一党支部（更名）")).body("code", equalTo("b1"));
    }

    @Test
    void shouldRefuseMovingUnderItsOwnDescendant() {
        given().contentType(ContentType.JSON).body(Map.of("parentId", branch))
                .post("/api/t/{tenant}/organisations/{id}/move", tenant, committee).then().statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("parentId"));
        given().get("/api/t/{tenant}/organisations/{id}", tenant, committee).then().body("path", equalTo("/c1/"));
    }

    @Test
    void shouldRefusePlacementsTheHierarchyForbids() {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "x", "name", "x", "kind", "GROUP", "parentId", committee))
                .post("/api/t/{tenant}/organisations", tenant).then().statusCode(400).body("field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("code", "y", "name", "y", "kind", "GROUP"))
                .post("/api/t/{tenant}/organisations", tenant).then().statusCode(400)
                .body("field", equalTo("parentId"));
        given().contentType(ContentType.JSON).body(Map.of("parentId", committee))
                .post("/api/t/{tenant}/organisations/{id}/move", tenant, group).then().statusCode(400)
                .body("field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("code", "b1", "name", "dup", "kind", "BRANCH"))
                .post("/api/t/{tenant}/organisations", tenant).then().statusCode(409).body("field", equalTo("code"));
        given().get("/api/t/{tenant}/organisations/{id}", tenant, 999_999_999).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
