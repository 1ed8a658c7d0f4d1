package cloud.dangjian.core.testing;

import static io.restassured.RestAssured.given;

import cloud.dangjian.core.member.domain.IdCardNumbers;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds regions, tenants, organisations and members through the API, with unique codes per test. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    /** A fresh suffix, so tests sharing one database never collide. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public static String region() {
        String code = unique("r");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "区域 " + code, "level", "DEPARTMENT"))
                .post("/api/admin/regions").then().statusCode(201);
        return code;
    }

    public static String tenant(String region, int memberQuota) {
        String id = unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "租户 " + id, "type", "ENTERPRISE", "regionCode", region, "plan",
                        Map.of("plugins", java.util.List.of(), "memberQuota", memberQuota)))
                .post("/api/admin/tenants").then().statusCode(201);
        return id;
    }

    public static long organisation(String tenant, String code, String kind, Long parentId) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(
                Map.of("code", code, "name", "组织 " + code, "kind", kind));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/t/{tenant}/organisations", tenant).then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long member(String tenant, String code, String name, long branchId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "member",
                        Map.of("name", name, "gender", "FEMALE", "status", "FULL", "branchId", branchId, "birthDate",
                                "1985-03-02")))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Grants a demo user a role in a tenant (below an organisation, for a branch secretary). */
    public static void grant(String username, String role, String tenant, Long organisationId) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("username", username, "role", role, "tenant", tenant));
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/admin/memberships").then().statusCode(201);
    }

    /** A valid resident ID card number built from a 17-digit stem. */
    public static String idCard(String first17) {
        return first17 + IdCardNumbers.checkCharacter(first17);
    }
}
