package cloud.dangjian.core.tenantconfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenantconfig.file.ConfigSource;
import cloud.dangjian.core.tenantconfig.service.TenantConfigApplier;
import cloud.dangjian.core.tenantconfig.service.TenantConfigReport;
import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class TenantConfigTest {

    @Inject
    TenantConfigApplier applier;

    @TempDir
    Path folder;

    @Test
    void shouldApplyRegionsTenantsPeopleAndPluginsAndChangeNothingTheSecondTime() throws IOException {
        String city = Fixtures.unique("city");
        String tenant = Fixtures.unique("steel");
        writeRegions(city);
        writeTenant(tenant, city + "-port", 3);

        TenantConfigReport first = applier.apply(ConfigSource.directory(folder), false);
        assertTrue(first.changes().stream().anyMatch(c -> c.change().startsWith("create region " + city + "-port")));
        assertTrue(
                first.changes().stream()
                        .anyMatch(c -> c.change().equals(
                                "switch on plugin noticeboard in tenant " + tenant + ": settings {} → {maxPinned=3}")),
                first.changes().toString());
        assertTrue(first.warnings().contains("plugin 'points' is not installed in this version; its settings are "
                + "skipped and applied by the first run after it is installed"));

        given().get("/api/admin/tenants/{id}", tenant).then().statusCode(200)
                .body("regionCode", equalTo(city + "-port")).body("plan.plugins", contains("noticeboard", "points"));
        given().get("/api/t/{tenant}/organisations", tenant).then().statusCode(200).body("code", contains("B01"));
        given().get("/api/t/{tenant}/members", tenant).then().statusCode(200).body("items.code",
                contains("M0001", "M0002"));
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200).body("enabled", equalTo(true))
                .body("config.maxPinned", equalTo(3));
        given().header("Authorization", "Bearer " + Tokens.of("branch-secretary")).get("/api/me").then()
                .body("memberships.tenant", hasItem(tenant));
        given().get("/api/admin/regions/{region}/plugins/noticeboard", city).then().statusCode(200).body("own.title",
                equalTo("市公告"));

        TenantConfigReport second = applier.apply(ConfigSource.directory(folder), false);
        assertEquals(List.of(), second.changes());
    }

    @Test
    void shouldShowTheDifferenceOnADryRunAndChangeNothing() throws IOException {
        String city = Fixtures.unique("city");
        String tenant = Fixtures.unique("steel");
        writeRegions(city);
        writeTenant(tenant, city + "-port", 3);
        applier.apply(ConfigSource.directory(folder), false);

        writeTenant(tenant, city + "-port", 5);
        Files.writeString(folder.resolve("regions/" + city + "-port.yaml"), """
                region:
                  code: %s-port
                  name: 港区（新名）
                  level: AREA
                  parent: %s
                """.formatted(city, city));
        TenantConfigReport dryRun = applier.apply(ConfigSource.directory(folder), true);
        assertEquals(List.of(
                new TenantConfigReport.Change("regions/" + city + "-port.yaml",
                        "rename region " + city + "-port: 港区 → 港区（新名）"),
                new TenantConfigReport.Change("tenants/" + tenant + ".yaml", "configure plugin noticeboard in tenant "
                        + tenant + ": settings {maxPinned=3} → {maxPinned=5}")),
                dryRun.changes());
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().body("config.maxPinned", equalTo(3));
        given().get("/api/admin/regions/{code}", city + "-port").then().body("name", equalTo("港区"));
    }

    @Test
    void shouldRefuseInvalidFilesWithFileLineAndReasonAndApplyNothingOfThem() throws IOException {
        String city = Fixtures.unique("city");
        String tenant = Fixtures.unique("steel");
        writeRegions(city);
        writeTenant(tenant, city + "-port", 99);
        Files.writeString(folder.resolve("tenants/broken.yaml"), """
                tenant:
                  id: %s-broken
                  name: 坏文件
                  type: SPACESHIP
                  region: %s
                  colour: red
                plan:
                  memberQuota: 10
                """.formatted(tenant, city));
        Files.writeString(folder.resolve("tenants/" + tenant + ".members.csv"), """
                code,name,gender,status,branch_code
                M0001,张三,MALE,FULL,B01
                M0002,李四,ROBOT,FULL,B01
                """);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> applier.apply(ConfigSource.directory(folder), false));
        Problem problem = refused.toProblem();
        assertEquals(422, problem.status());
        assertTrue(problem.errors().contains(new Problem.FieldError("tenant.type",
                "must be one of [ENTERPRISE, COMMUNITY, SOCIAL_ORGANISATION, NON_PUBLIC_ENTERPRISE, INSTITUTION], "
                        + "not 'SPACESHIP'",
                4, "tenants/broken.yaml")), problem.errors().toString());
        assertTrue(problem.errors().stream().anyMatch(e -> "tenant.colour".equals(e.field()) && e.line() == 6));

        // Fix the broken file: the rehearsal now reaches the tenant's own errors, in its YAML and its CSV.
        Files.delete(folder.resolve("tenants/broken.yaml"));
        problem = assertThrows(ProblemException.class, () -> applier.apply(ConfigSource.directory(folder), false))
                .toProblem();
        assertTrue(problem.errors().stream().anyMatch(e -> ("tenants/" + tenant + ".members.csv").equals(e.file())
                && e.line() == 3 && "gender".equals(e.field())), problem.errors().toString());

        Files.writeString(folder.resolve("tenants/" + tenant + ".members.csv"), """
                code,name,gender,status,branch_code
                M0001,张三,MALE,FULL,B01
                """);
        problem = assertThrows(ProblemException.class, () -> applier.apply(ConfigSource.directory(folder), false))
                .toProblem();
        assertEquals(List.of(new Problem.FieldError("plugins.noticeboard.config.maxPinned",
                "must be less than or " + "equal to 10", 12, "tenants/" + tenant + ".yaml")), problem.errors());

        given().get("/api/admin/regions/{code}", city).then().statusCode(404);
        given().get("/api/admin/tenants/{id}", tenant).then().statusCode(404);
    }

    @Test
    void shouldLinkALoginNamedInTheFileToItsMemberRecordOnceAndRefuseAnUnknownMember() throws IOException {
        String city = Fixtures.unique("city");
        String tenant = Fixtures.unique("steel");
        String login = Fixtures.unique("sso").toLowerCase();
        writeRegions(city);
        writeTenant(tenant, city + "-port", 3);
        Path file = folder.resolve("tenants/" + tenant + ".yaml");
        String secretary = "  - {username: branch-secretary, role: BRANCH_SECRETARY, organisation: B01}\n";
        String linked = Files.readString(file).replace(secretary,
                secretary + "  - {username: " + login + ", role: MEMBER, member: M0002}\n");
        Files.writeString(file, linked);

        TenantConfigReport first = applier.apply(ConfigSource.directory(folder), false);
        assertTrue(
                first.changes()
                        .contains(new TenantConfigReport.Change("tenants/" + tenant + ".yaml",
                                "link login " + login + " to member M0002 of tenant " + tenant)),
                first.changes().toString());
        given().get("/api/t/{tenant}/members", tenant).then()
                .body("items.find { it.code == 'M0002' }.username", equalTo(login))
                .body("items.find { it.code == 'M0002' }.accountStatus", equalTo("NONE"));
        assertEquals(List.of(), applier.apply(ConfigSource.directory(folder), false).changes());

        Files.writeString(file, linked.replace("member: M0002}", "member: M0404}"));
        Problem problem = assertThrows(ProblemException.class,
                () -> applier.apply(ConfigSource.directory(folder), false)).toProblem();
        assertEquals(List.of(new Problem.FieldError("memberships[1].member", "no member with code 'M0404'", 16,
                "tenants/" + tenant + ".yaml")), problem.errors());
    }

    @Test
    void shouldApplyOneUploadedFileForPlatformAdministratorsOnly() {
        String region = Fixtures.region();
        String tenant = Fixtures.unique("upload");
        String yaml = """
                tenant:
                  id: %s
                  name: 上传的租户
                  type: COMMUNITY
                  region: %s
                plan:
                  memberQuota: 10
                """.formatted(tenant, region);
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .post("/api/admin/tenant-config/files").then().statusCode(200).body("dryRun", equalTo(true))
                .body("changes[0].change",
                        equalTo("create tenant " + tenant + " (上传的租户, COMMUNITY, region " + region + ", plan [])"));
        given().get("/api/admin/tenants/{id}", tenant).then().statusCode(404);
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/tenant-config/files").then().statusCode(200);
        given().get("/api/admin/tenants/{id}", tenant).then().statusCode(200);

        given().contentType("application/yaml").body("tenant: [unclosed".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/tenant-config/files").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://dangjian.cloud/problems/invalid-tenant-config"))
                .body("errors[0].file", equalTo("upload.yaml")).body("errors[0].line", equalTo(1));
        given().header("Authorization", "Bearer " + Tokens.of("region-admin")).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).post("/api/admin/tenant-config/files").then()
                .statusCode(403);
    }

    private void writeRegions(String city) throws IOException {
        Files.createDirectories(folder.resolve("regions"));
        Files.createDirectories(folder.resolve("tenants"));
        Files.writeString(folder.resolve("regions/" + city + ".yaml"), """
                region:
                  code: %s
                  name: 市委组织部
                  level: DEPARTMENT
                plugins:
                  noticeboard:
                    title: 市公告
                    maxAttachmentBytes: 4096
                """.formatted(city));
        Files.writeString(folder.resolve("regions/" + city + "-port.yaml"), """
                region:
                  code: %s-port
                  name: 港区
                  level: AREA
                  parent: %s
                """.formatted(city, city));
    }

    private void writeTenant(String tenant, String region, int maxPinned) throws IOException {
        Files.writeString(folder.resolve("tenants/" + tenant + ".yaml"), """
                tenant:
                  id: %s
                  name: 钢铁公司
                  type: ENTERPRISE
                  region: %s
                plan:
                  plugins: [noticeboard, points]
                  memberQuota: 50
                plugins:
                  noticeboard:
                    enabled: true
                    config: {maxPinned: %d}
                  points: {enabled: true}
                memberships:
                  - {username: branch-secretary, role: BRANCH_SECRETARY, organisation: B01}
                organisations: %s.organisations.csv
                members: %s.members.csv
                """.formatted(tenant, region, maxPinned, tenant, tenant));
        Files.writeString(folder.resolve("tenants/" + tenant + ".organisations.csv"), """
                code,name,kind,parent_code
                B01,第一党支部,BRANCH,
                """);
        if (!Files.exists(folder.resolve("tenants/" + tenant + ".members.csv"))) {
            Files.writeString(folder.resolve("tenants/" + tenant + ".members.csv"), """
                    code,name,gender,status,branch_code
                    M0001,张三,MALE,FULL,B01
                    M0002,李四,FEMALE,PROBATIONARY,B01
                    """);
        }
    }
}
