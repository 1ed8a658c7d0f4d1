package cloud.dangjian.core.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OnboardingImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    String region;
    String tenantA;
    String tenantB;

    @BeforeEach
    void regionWithTwoTenants() {
        region = Fixtures.region();
        tenantA = Fixtures.tenant(region, 100);
        tenantB = Fixtures.tenant(region, 3);
    }

    String organisations() {
        return """
                tenant,code,name,kind,parent_code
                %1$s,C1,党委,COMMITTEE,
                %1$s,G1,第一党总支,GENERAL_BRANCH,C1
                %1$s,B1,第一党支部,BRANCH,G1
                %1$s,B1-1,第一党小组,GROUP,B1
                %2$s,B1,党支部,BRANCH,
                """.formatted(tenantA, tenantB);
    }

    String members() {
        return """
                tenant,code,name,gender,birth_date,ethnicity,education,phone,joined_on,status,branch_code,mobile,id_card
                %1$s,M1,王明,男,1980-05-01,汉族,本科,13800000001,2005-07-01,正式,B1,否,%3$s
                %1$s,M2,王明亮,FEMALE,1990/1/2,,,13800000002,2015-07-01,PROBATIONARY,B1,true,
                %2$s,M1,李华,MALE,1975-03-04,回族,大专,13800000003,2000-07-01,FULL,B1,false,%4$s
                """.formatted(tenantA, tenantB, Fixtures.idCard("32058219800501001"),
                Fixtures.idCard("32058219750304001"));
    }

    @Test
    void shouldImportOrganisationsAndMembersIntoTheRegionsTenants() {
        importCsv("organisations", organisations()).then().statusCode(200).body("rows", equalTo(5))
                .body("created", equalTo(5)).body("updated", equalTo(0));
        importCsv("members", members()).then().statusCode(200).body("created", equalTo(3));

        given().get("/api/t/{tenant}/organisations", tenantA).then().statusCode(200).body("path",
                hasItems("/C1/", "/C1/G1/", "/C1/G1/B1/", "/C1/G1/B1/B1-1/"));
        JsonPath found = given().queryParam("name", "王明").get("/api/t/{tenant}/members", tenantA).then().statusCode(200)
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("王明", "王明亮"), found.getList("items.name"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "320***********" + Fixtures.idCard("32058219800501001").substring(14),
                found.getString("items[0].idCardMasked"));
        given().get("/api/t/{tenant}/members", tenantB).then().body("items.name", equalTo(List.of("李华")));
    }

    @Test
    void shouldChangeNothingWhenTheSameFilesAreImportedAgain() {
        importCsv("organisations", organisations()).then().statusCode(200);
        importCsv("members", members()).then().statusCode(200);

        importCsv("organisations", organisations()).then().statusCode(200).body("created", equalTo(0))
                .body("updated", equalTo(0)).body("unchanged", equalTo(5));
        importCsv("members", members()).then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
        importCsv("members", members().replace("13800000002", "13900000002")).then().statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
    }

    @Test
    void shouldRefuseAFileWithBadRowsNamingEachAndWriteNothing() {
        importCsv("organisations", organisations()).then().statusCode(200);
        String bad = """
                tenant,code,name,gender,birth_date,ethnicity,education,phone,joined_on,status,branch_code,mobile,id_card
                %1$s,OK1,好人,MALE,1980-01-01,,,,,FULL,B1,,
                %1$s,X1,坏性别,X,1980-01-01,,,,,FULL,B1,,
                %1$s,X2,坏身份证,MALE,1980-01-01,,,,,FULL,B1,,320582198001010010
                %1$s,X3,无支部,MALE,1980-01-01,,,,,FULL,NOPE,,
                other-tenant,X4,外人,MALE,1980-01-01,,,,,FULL,B1,,
                %1$s,OK1,重复,MALE,1980-01-01,,,,,FULL,B1,,
                %1$s,X5,坏日期,MALE,2020-13-45,,,,,FULL,B1,,
                """.formatted(tenantA).replace("320582198001010010", wrongCheckCharacter());
        JsonPath problem = importCsv("members", bad).then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        List<String> at = problem.getList("errors.collect { it.line + ':' + it.field }");
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("3:gender", "4:id_card", "5:branch_code", "6:tenant", "7:code", "8:birth_date"), at);
        given().get("/api/t/{tenant}/members", tenantA).then().body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseMembersBeyondTheTenantsQuota() {
        importCsv("organisations", organisations()).then().statusCode(200);
        StringBuilder file = new StringBuilder("tenant,code,name,gender,status,branch_code\n");
        for (int i = 1; i <= 4; i++) {
            file.append(tenantB).append(",M").append(i).append(",成员").append(i).append(",MALE,FULL,B1\n");
        }
        importCsv("members", file.toString()).then().statusCode(422).body("errors[0].line", equalTo(5))
                .body("errors[0].field", equalTo("code"));
        given().get("/api/t/{tenant}/members", tenantB).then().body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseUnknownParentsCyclesAndMissingColumns() {
        String file = """
                tenant,code,name,kind,parent_code
                %1$s,A,甲,COMMITTEE,B
                %1$s,B,乙,COMMITTEE,A
                %1$s,C,丙,BRANCH,NOWHERE
                %1$s,D,丁,GROUP,
                """.formatted(tenantA);
        JsonPath problem = importCsv("organisations", file).then().statusCode(422).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(2, 3, 4, 5),
                problem.getList("errors.line").stream().distinct().sorted().toList());
        importCsv("organisations", "tenant,code,name\n" + tenantA + ",A,甲\n").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("kind"));
        given().get("/api/t/{tenant}/organisations", tenantA).then().body("size()", equalTo(0));
    }

    @Test
    void shouldImportXlsxLikeCsvAndAcceptAByteOrderMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("organisations");
            String[] lines = organisations().split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    sheet.value(r, c, cells[c]);
                }
            }
        }
        given().contentType(XLSX).body(out.toByteArray())
                .post("/api/admin/regions/{region}/imports/organisations", region).then().statusCode(200)
                .body("created", equalTo(5));
        byte[] withBom = ("\uFEFF" + members()).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(withBom).post("/api/admin/regions/{region}/imports/members", region).then()
                .statusCode(200).body("created", equalTo(3));
    }

    @Test
    void shouldOnlyCheckOnADryRun() {
        given().contentType("text/csv").body(organisations()).queryParam("dryRun", true)
                .post("/api/admin/regions/{region}/imports/organisations", region).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(5));
        given().get("/api/t/{tenant}/organisations", tenantA).then().body("size()", equalTo(0));
    }

    private io.restassured.response.Response importCsv(String kind, String csv) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/regions/{region}/imports/" + kind, region);
    }

    /** A 17-digit stem with the wrong check character. */
    private static String wrongCheckCharacter() {
        String right = Fixtures.idCard("32058219800101001");
        char wrong = right.charAt(17) == '1' ? '2' : '1';
        return right.substring(0, 17) + wrong;
    }
}
