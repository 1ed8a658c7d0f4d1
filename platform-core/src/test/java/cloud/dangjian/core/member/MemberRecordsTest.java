package cloud.dangjian.core.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberRecordsTest {

    String tenant;
    long branch;
    long committee;

    @BeforeEach
    void aBranch() {
        tenant = Fixtures.tenant(Fixtures.region(), 2);
        committee = Fixtures.organisation(tenant, "c1", "COMMITTEE", null);
        branch = Fixtures.organisation(tenant, "b1", "BRANCH", committee);
    }

    @Test
    void shouldStoreTheIdCardEncryptedAndShowItMasked() {
        String idCard = Fixtures.idCard("32058219850302001");
        String body = create("m1", facts(Map.of("idCard", idCard))).then().statusCode(201)
                .body("idCardMasked", equalTo("320***********" + idCard.substring(14))).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(idCard), "the full number never leaves");
    }

    @Test
    void shouldRefuseAMistypedOrDuplicateIdCard() {
        String idCard = Fixtures.idCard("32058219850302001");
        String mistyped = idCard.substring(0, 17) + (idCard.charAt(17) == '1' ? '2' : '1');
        create("m1", facts(Map.of("idCard", mistyped))).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("idCard"));
        create("m1", facts(Map.of("idCard", idCard))).then().statusCode(201);
        create("m2", facts(Map.of("idCard", idCard))).then().statusCode(409).body("field", equalTo("idCard"));
    }

    @Test
    void shouldRefuseAHomeOrganisationThatIsNotABranch() {
        create("m1", facts(Map.of("branchId", committee))).then().statusCode(400).body("field", equalTo("branchId"))
                .body("detail", containsString("branch"));
    }

    @Test
    void shouldRefuseMembersBeyondThePlansQuotaAndWriteNothing() {
        create("m1", facts(Map.of())).then().statusCode(201);
        create("m2", facts(Map.of())).then().statusCode(201);
        create("m3", facts(Map.of())).then().statusCode(409).body("type",
                equalTo("https://dangjian.cloud/problems/member-quota-exceeded"));
        given().get("/api/t/{tenant}/members", tenant).then().body("items.size()", equalTo(2));
    }

    @Test
    void shouldKeepTheStoredIdCardWhenAnUpdateOmitsIt() {
        String idCard = Fixtures.idCard("32058219850302001");
        long id = create("m1", facts(Map.of("idCard", idCard))).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON).body(facts(Map.of("name", "王新名", "phone", "13900000000")))
                .put("/api/t/{tenant}/members/{id}", tenant, id).then().statusCode(200).body("name", equalTo("王新名"))
                .body("idCardMasked", not(equalTo(null)));
    }

    @Test
    void shouldNameTheFieldOfInvalidValues() {
        create("m1", facts(Map.of("gender", "X"))).then().statusCode(400).body("field", equalTo("member.gender"));
        create("m1", facts(Map.of("birthDate", "2999-01-01"))).then().statusCode(400).body("field",
                equalTo("member.birthDate"));
        create("m1", facts(Map.of("phone", "abc"))).then().statusCode(400).body("field", equalTo("member.phone"));
        create("bad code!", facts(Map.of())).then().statusCode(400).body("field", equalTo("code"));
        given().get("/api/t/{tenant}/members", tenant).then().body("items.size()", equalTo(0));
    }

    private Map<String, Object> facts(Map<String, Object> overrides) {
        Map<String, Object> facts = new HashMap<>(Map.of("name", "王明", "gender", "MALE", "status", "FULL", "branchId",
                branch, "birthDate", "1985-03-02", "joinedOn", "2010-07-01"));
        facts.putAll(overrides);
        return facts;
    }

    private io.restassured.response.Response create(String code, Map<String, Object> facts) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "member", facts))
                .post("/api/t/{tenant}/members", tenant);
    }
}
