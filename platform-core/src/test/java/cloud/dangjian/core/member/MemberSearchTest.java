package cloud.dangjian.core.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberSearchTest {

    @Test
    void shouldFindByNamePrefixAndWalkEveryPageOnce() {
        String tenant = Fixtures.tenant(Fixtures.region(), 100);
        long committee = Fixtures.organisation(tenant, "c1", "COMMITTEE", null);
        long first = Fixtures.organisation(tenant, "b1", "BRANCH", committee);
        long second = Fixtures.organisation(tenant, "b2", "BRANCH", committee);
        List<String> names = List.of("王明", "王明亮", "王小", "李四", "王明", "张三", "王", "王明明", "李明", "赵六");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(Fixtures.member(tenant, "m" + i, names.get(i % names.size()), i % 2 == 0 ? first : second));
        }

        List<String> found = given().queryParam("name", "王明").get("/api/t/{tenant}/members", tenant).then()
                .statusCode(200).extract().jsonPath().getList("items.name");
        assertEquals(List.of("王明", "王明", "王明", "王明", "王明", "王明", "王明亮", "王明亮", "王明亮", "王明明", "王明明"), found);

        List<Long> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("size", 7);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/t/{tenant}/members", tenant).then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id", Long.class));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(25, walked.size(), "every member once");
        assertEquals(25, new HashSet<>(walked).size(), "no member twice");
        assertEquals(4, pages);

        given().queryParam("branchId", second).queryParam("size", 100).get("/api/t/{tenant}/members", tenant).then()
                .body("items.size()", equalTo(12)).body("items.branchId.unique()", equalTo(List.of((int) second)));
        given().queryParam("branchId", committee).queryParam("size", 100).get("/api/t/{tenant}/members", tenant).then()
                .body("items.size()", equalTo(25));
    }

    @Test
    void shouldRefuseTamperedCursorsAndSizesOutOfRange() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        given().queryParam("after", "not-a-cursor!").get("/api/t/{tenant}/members", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("after"));
        given().queryParam("size", 0).get("/api/t/{tenant}/members", tenant).then().statusCode(400).body("field",
                equalTo("size"));
        given().queryParam("size", 501).get("/api/t/{tenant}/members", tenant).then().statusCode(400).body("field",
                equalTo("size"));
    }
}
