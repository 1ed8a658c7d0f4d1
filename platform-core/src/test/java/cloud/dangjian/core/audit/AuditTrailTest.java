package cloud.dangjian.core.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRecordChangesAndRefusalsWithTheCallerAndTenant() {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        Fixtures.organisation(tenant, "b1", "BRANCH", null);
        given().contentType(ContentType.JSON).body(Map.of("username", "member", "role", "MEMBER", "tenant", tenant))
                .post("/api/admin/memberships").then().statusCode(201);
        given().header("Authorization", "Bearer " + Tokens.of("member")).get("/api/t/{tenant}/members", tenant).then()
                .statusCode(403);

        given().get("/api/t/{tenant}/audit", tenant).then().statusCode(200).body("[0].username", equalTo("member"))
                .body("[0].status", equalTo(403)).body("[0].action", equalTo("GET /api/t/" + tenant + "/members"))
                .body("action", hasItem("POST /api/t/" + tenant + "/organisations"))
                .body("username", hasItem("platform-admin"));
        given().header("Authorization", "Bearer " + Tokens.of("member")).get("/api/t/{tenant}/audit", tenant).then()
                .statusCode(403);
    }

    @Test
    void shouldRecordARefusedTokenWithoutACaller() {
        given().header("Authorization", "Bearer forged.token.here").post("/api/admin/regions").then().statusCode(401);
        given().get("/api/admin/regions/{region}/audit", Fixtures.region()).then().statusCode(200);
    }

    @Test
    void shouldNotLetTheApplicationRewriteOrEraseTheTrail() {
        Fixtures.region();
        assertThrows(SQLException.class, () -> execute("UPDATE audit_events SET username = 'someone else'"));
        assertThrows(SQLException.class, () -> execute("DELETE FROM audit_events"));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
