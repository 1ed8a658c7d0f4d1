package cloud.dangjian.core.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's background import jobs: their outcome, and that they exist for their own tenant only. */
@QuarkusTest
class ImportJobTest {

    @Inject
    AgroalDataSource dataSource;

    String tenantA;
    String tenantB;

    @BeforeEach
    void twoTenantsWithABranchEach() {
        String region = Fixtures.region();
        tenantA = Fixtures.tenant(region, 100);
        tenantB = Fixtures.tenant(region, 100);
        Fixtures.organisation(tenantA, "B01", "BRANCH", null);
        Fixtures.organisation(tenantB, "B01", "BRANCH", null);
    }

    @Test
    void shouldImportInTheBackgroundAndReportWhatWasCreated() {
        String id = start(tenantA, """
                code,name,gender,status,branch_code
                M0001,周敏,FEMALE,FULL,B01
                M0002,吴强,MALE,FULL,B01
                M0003,郑洁,FEMALE,PROBATIONARY,B01
                """);

        JsonPath job = awaitEnd(tenantA, id);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("created"));
        assertEquals(3, job.getInt("processedRows"));
        assertEquals(100, job.getInt("percent"));
        assertEquals("platform-admin", job.getString("startedBy"));
        given().get("/api/t/{tenant}/members", tenantA).then().body("items.code",
                containsInAnyOrder("M0001", "M0002", "M0003"));
    }

    @Test
    void shouldRefuseAFileWithBadRowsListingEachAndImportNothing() {
        String id = start(tenantA, """
                code,name,gender,status,branch_code
                M0001,周敏,FEMALE,FULL,B01
                M0002,吴强,ROBOT,FULL,B01
                M0003,郑洁,FEMALE,FULL,B99
                """);

        JsonPath job = awaitEnd(tenantA, id);
        assertEquals("REFUSED", job.getString("status"), job.prettify());
        assertEquals(List.of(3, 4), job.getList("errors.line"));
        assertEquals(List.of("gender", "branch_code"), job.getList("errors.field"));
        assertTrue(job.getString("detail").contains("nothing was imported"), job.getString("detail"));
        given().get("/api/t/{tenant}/members", tenantA).then().body("items", empty());
    }

    @Test
    void shouldNotFindAnotherTenantsJob() throws Exception {
        String id = start(tenantA, """
                code,name,gender,status,branch_code
                M0001,周敏,FEMALE,FULL,B01
                """);
        awaitEnd(tenantA, id);

        given().get("/api/t/{tenant}/import-jobs/{id}", tenantB, id).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", tenantB))
                .post("/api/admin/memberships").then().statusCode(201);
        as("tenant-admin").get("/api/t/{tenant}/import-jobs/{id}", tenantB, id).then().statusCode(404);
        as("tenant-admin").get("/api/t/{tenant}/import-jobs/{id}", tenantA, id).then().statusCode(404);
        // Row-level security underneath: acting as tenant B, even a native query does not see A's job.
        assertEquals(0, countJobsSeenAs(tenantB, id));
        assertEquals(1, countJobsSeenAs(tenantA, id));
    }

    @Test
    void shouldReadAJobNobodyHasTouchedForMinutesAsFailed() throws Exception {
        // What a node that stopped mid-import leaves behind: a job still "checking", last touched long ago.
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement act = connection
                    .prepareStatement("SELECT set_config('dangjian.tenant_id', ?, true)");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO import_jobs (id, tenant_id, kind, file_name, dry_run, status, total_rows,"
                                    + " processed_rows, started_by, created_at, updated_at) VALUES (?::uuid, ?,"
                                    + " 'MEMBERS', 'big.csv', false, 'CHECKING', 200000, 1500, 'someone',"
                                    + " now() - interval '10 minutes', now() - interval '10 minutes')")) {
                act.setString(1, tenantA);
                act.execute();
                insert.setString(1, id);
                insert.setString(2, tenantA);
                insert.executeUpdate();
            }
            connection.commit();
        }

        JsonPath job = given().get("/api/t/{tenant}/import-jobs/{id}", tenantA, id).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("detail").contains("nothing was imported"), job.getString("detail"));
    }

    @Test
    void shouldRefuseABranchSecretaryWhoseFileCouldTouchOtherBranches() {
        long branch = given().get("/api/t/{tenant}/organisations", tenantA).then().extract().jsonPath()
                .getLong("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("username", "branch-secretary", "role", "BRANCH_SECRETARY",
                "tenant", tenantA, "organisationId", branch)).post("/api/admin/memberships").then().statusCode(201);
        as("branch-secretary").contentType("text/csv").body("code,name,gender,status,branch_code\n")
                .queryParam("kind", "members").post("/api/t/{tenant}/import-jobs", tenantA).then().statusCode(403);
    }

    private String start(String tenant, String csv) {
        return given().contentType("text/csv").body(csv).queryParam("kind", "members")
                .queryParam("fileName", "members.csv").post("/api/t/{tenant}/import-jobs", tenant).then()
                .statusCode(202).body("totalRows", equalTo(csv.strip().split("\n").length - 1)).extract().path("id");
    }

    private static JsonPath awaitEnd(String tenant, String id) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonPath job = given().get("/api/t/{tenant}/import-jobs/{id}", tenant, id).then().statusCode(200).extract()
                    .jsonPath();
            if (List.of("DONE", "REFUSED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The import job did not end in 30 s: " + job.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private int countJobsSeenAs(String tenant, String id) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement act = connection
                    .prepareStatement("SELECT set_config('dangjian.tenant_id', ?, true)");
                    PreparedStatement count = connection
                            .prepareStatement("SELECT count(*) FROM import_jobs WHERE id = ?::uuid")) {
                act.setString(1, tenant);
                act.execute();
                count.setString(1, id);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username));
    }
}
