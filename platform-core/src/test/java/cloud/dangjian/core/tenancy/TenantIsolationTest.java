package cloud.dangjian.core.tenancy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberFacts;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.testing.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves both isolation layers: Hibernate's discriminator filter at the API, and PostgreSQL row-level security beneath
 * it for whatever bypasses or defeats Hibernate (native SQL, bulk statements, a session holding the wrong tenant).
 */
@QuarkusTest
class TenantIsolationTest {

    @Inject
    EntityManager em;

    @Inject
    TenantScope tenantScope;

    @Inject
    AgroalDataSource dataSource;

    String tenantA;
    String tenantB;
    long memberA;
    long memberB;
    long branchB;

    @BeforeEach
    void twoTenantsWithOneMemberEach() {
        String region = Fixtures.region();
        tenantA = Fixtures.tenant(region, 10);
        tenantB = Fixtures.tenant(region, 10);
        long branchA = Fixtures.organisation(tenantA, "branch", "BRANCH", null);
        branchB = Fixtures.organisation(tenantB, "branch", "BRANCH", null);
        memberA = Fixtures.member(tenantA, "m1", "甲", branchA);
        memberB = Fixtures.member(tenantB, "m1", "乙", branchB);
    }

    @Test
    void shouldAnswerNotFoundForAnotherTenantsIdsInTheUrl() {
        given().get("/api/t/{tenant}/members/{id}", tenantA, memberB).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/t/{tenant}/organisations/{id}", tenantA, branchB).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "篡改", "gender", "MALE", "status", "FULL", "branchId", branchB))
                .put("/api/t/{tenant}/members/{id}", tenantA, memberB).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "篡改"))
                .patch("/api/t/{tenant}/organisations/{id}", tenantA, branchB).then().statusCode(404);
        assertEquals("乙", nameOfMember(tenantB, memberB));
    }

    @Test
    void shouldRefuseAnotherTenantsBranchAsHomeBranch() {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "m2", "member",
                        Map.of("name", "丙", "gender", "MALE", "status", "FULL", "branchId", branchB)))
                .post("/api/t/{tenant}/members", tenantA).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("branchId"));
    }

    @Test
    void shouldLimitNativeQueryWithoutTenantFilterToCurrentTenant() {
        long total = inTenant(tenantA,
                () -> ((Number) em.createNativeQuery("SELECT count(*) FROM members").getSingleResult()).longValue());
        assertEquals(1, total, "a native query sees the current tenant's rows only");
        List<?> names = inTenant(tenantA, () -> em.createNativeQuery("SELECT name FROM members").getResultList());
        assertEquals(List.of("甲"), names);
    }

    @Test
    void shouldNotTouchAnotherTenantsRowsWithBulkOrNativeStatements() {
        int bulk = inTenant(tenantA, () -> em.createQuery("UPDATE Member SET name = 'bulk'").executeUpdate());
        int nativeUpdate = inTenant(tenantA,
                () -> em.createNativeQuery("UPDATE members SET name = 'native' WHERE id = " + memberB).executeUpdate());
        int nativeDelete = inTenant(tenantA,
                () -> em.createNativeQuery("DELETE FROM members WHERE id = " + memberB).executeUpdate());

        assertEquals(1, bulk, "the bulk update reached tenant A's one member only");
        assertEquals(0, nativeUpdate);
        assertEquals(0, nativeDelete);
        assertEquals("乙", nameOfMember(tenantB, memberB));
    }

    @Test
    void shouldRefuseInsertingRowsForAnotherTenant() {
        assertThrows(Exception.class,
                () -> inTenant(
                        tenantA, () -> em
                                .createNativeQuery(
                                        "INSERT INTO organisations (tenant_id, code, name, kind, path) VALUES ('"
                                                + tenantB + "', 'planted', 'x', 'BRANCH', '/planted/')")
                                .executeUpdate()));
        long planted = inTenant(tenantB,
                () -> ((Number) em.createNativeQuery("SELECT count(*) FROM organisations WHERE code = 'planted'")
                        .getSingleResult()).longValue());
        assertEquals(0, planted);
    }

    @Test
    void shouldNotLetDirtyCheckedUpdateOrDeleteReachAnotherTenantsRow() {
        // A Hibernate session that holds tenant B's entity while the database connection acts for tenant A: the
        // situation a discriminator gap would create. Row-level security must make the flush touch nothing.
        assertThrows(Exception.class, () -> inTenant(tenantB, () -> {
            Member member = em.find(Member.class, memberB);
            actAsInDatabase(tenantA);
            member.apply(new MemberFacts("篡改", member.gender(), member.birthDate(), null, null, null, null,
                    member.status(), member.branchId(), false, null));
            em.flush();
            return null;
        }));
        assertThrows(Exception.class, () -> inTenant(tenantB, () -> {
            Member member = em.find(Member.class, memberB);
            actAsInDatabase(tenantA);
            em.remove(member);
            em.flush();
            return null;
        }));
        assertEquals("乙", nameOfMember(tenantB, memberB));
    }

    @Test
    void shouldNotFindAnotherTenantsRowEvenWhenHibernateAsksForIt() {
        Member found = inTenant(tenantA, () -> {
            // Hibernate would not ask; simulate a gap with a native entity query that names the id directly.
            List<?> rows = em.createNativeQuery("SELECT * FROM members WHERE id = " + memberB, Member.class)
                    .getResultList();
            return rows.isEmpty() ? null : (Member) rows.get(0);
        });
        assertEquals(null, found);
    }

    @Test
    void shouldNeverCarryATenantIntoTheNextUseOfAPooledConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String tenant = i % 3 == 0 ? tenantA : i % 3 == 1 ? tenantB : null;
                runs.add(pool.submit(() -> {
                    if (tenant == null) {
                        assertEquals("", inTenant(null, this::databaseTenant), "platform-level work sees no tenant");
                        assertEquals(0L, (long) inTenant(null,
                                () -> ((Number) em.createNativeQuery("SELECT count(*) FROM members").getSingleResult())
                                        .longValue()));
                    } else {
                        assertEquals(tenant, inTenant(tenant, this::databaseTenant));
                        List<?> names = inTenant(tenant,
                                () -> em.createNativeQuery("SELECT name FROM members").getResultList());
                        assertEquals(List.of(tenant.equals(tenantA) ? "甲" : "乙"), names);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('dangjian.tenant_id', true)")) {
            rs.next();
            assertEquals("", rs.getString(1), "a connection lent outside any tenant carries none");
        }
    }

    @Test
    void shouldConnectAsRoleThatOwnsNoTableAndBypassesNothing() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement
                    .executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                assertTrue(rs.next());
                assertFalse(rs.getBoolean(1), "the application role must not be a superuser");
                assertFalse(rs.getBoolean(2), "the application role must not bypass row-level security");
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the application role must own no table");
            }
        }
    }

    @Test
    void shouldProtectEveryTenantOwnedTableAndLabelEveryOther() throws Exception {
        // Guards future migrations too: a plugin table with tenant_id but no policy, or an unlabelled shared table,
        // fails here. A platform-level table may reference tenants (memberships do) only when it says so.
        String sql = """
                SELECT c.relname,
                       EXISTS (SELECT 1 FROM information_schema.columns col
                                WHERE col.table_schema = 'public' AND col.table_name = c.relname
                                  AND col.column_name = 'tenant_id') AS tenant_owned,
                       c.relrowsecurity, c.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy,
                       coalesce(obj_description(c.oid, 'pg_class'), '') AS label
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'
                """;
        int tenantOwned = 0;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                boolean labelledPlatformLevel = rs.getString(6).startsWith("platform-level");
                if (rs.getBoolean(2) && !labelledPlatformLevel) {
                    tenantOwned++;
                    assertTrue(rs.getBoolean(3) && rs.getBoolean(4) && rs.getBoolean(5),
                            table + " has tenant_id but no forced row-level security policy");
                } else {
                    assertTrue(labelledPlatformLevel,
                            table + " is not tenant-owned and must say so in its table comment");
                }
            }
        }
        assertTrue(tenantOwned >= 3, "organisations, members and applicants are tenant-owned");
    }

    private String databaseTenant() {
        return (String) em.createNativeQuery("SELECT coalesce(current_setting('dangjian.tenant_id', true), '')")
                .getSingleResult();
    }

    private void actAsInDatabase(String tenant) {
        em.createNativeQuery("SELECT set_config('dangjian.tenant_id', :tenant, true)").setParameter("tenant", tenant)
                .getSingleResult();
    }

    private String nameOfMember(String tenant, long id) {
        return inTenant(tenant, () -> em.find(Member.class, id).name());
    }

    /** Runs work in its own transaction as {@code tenant}, or as platform-level work when it is null. */
    private <T> T inTenant(String tenant, java.util.concurrent.Callable<T> work) {
        return tenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(work));
    }
}
