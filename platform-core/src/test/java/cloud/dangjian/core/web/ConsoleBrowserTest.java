package cloud.dangjian.core.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Browser;
import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console's import jobs, edit forms and activists in a real browser, signed in through the real Keycloak.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final String JOB_URL = ".*/admin/import/[0-9a-f-]{36}$";

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldImportALargeFileInTheBackgroundWithProgressThenReportEachBadRow() throws Exception {
        String tenant = tenant("金港物流", 50_000);
        String stranger = tenant("别家物流", 10);
        Fixtures.organisation(tenant, "B01", "BRANCH", null);
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("code,name,gender,status,branch_code\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("M").append(100_000 + i).append(",党员").append(i).append(",FEMALE,FULL,B01\n");
        }
        String good = csv.toString();
        String bad = good.replace("M100002,党员2,FEMALE", "M100002,党员2,ROBOT") + "M999999,郑洁,FEMALE,FULL,B99\n";
        java.nio.file.Path file = Files.createTempFile("members", ".csv");
        Files.writeString(file, bad);

        signIn("tenant-admin", "/t/" + tenant + "/admin/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")))
                .sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-file")).submit();
        wait.until(ExpectedConditions.urlMatches(JOB_URL));
        String refusedJob = browser.getCurrentUrl();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        List<String> errors = browser.findElements(By.cssSelector("#import-errors tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("3 gender"), errors.toString());
        assertTrue(errors.get(1).startsWith((rows + 2) + " branch_code"), errors.toString());
        assertTrue(browser.findElement(By.id("import-result")).getText().contains("未导入任何数据"));
        Browser.screenshots(browser, "admin-import-job-errors");
        given().get("/api/t/{tenant}/members", tenant).then().body("items", org.hamcrest.Matchers.empty());

        Files.writeString(file, good);
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-file")).submit();
        wait.until(ExpectedConditions.and(ExpectedConditions.urlMatches(JOB_URL),
                ExpectedConditions.not(ExpectedConditions.urlToBe(refusedJob))));
        String job = browser.getCurrentUrl();
        if (!browser.findElements(By.id("import-progress")).isEmpty()) {
            // Still running when the page came: the script moves the bar, then reloads the page for the outcome.
            assertTrue(!browser.findElement(By.id("import-status")).getText().isBlank());
            wait.ignoring(StaleElementReferenceException.class).until(driver -> {
                List<WebElement> bar = driver.findElements(By.id("import-progress"));
                return bar.isEmpty() || Double.parseDouble(bar.get(0).getDomProperty("value")) > 0;
            });
            if (!browser.findElements(By.id("import-progress")).isEmpty()) {
                Browser.screenshots(browser, "admin-import-progress");
            }
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "新增 " + rows));
        given().queryParam("size", 1).get("/api/t/{tenant}/members", tenant).then().statusCode(200).body("next",
                org.hamcrest.Matchers.notNullValue());

        browser.get(job + "/status");
        assertTrue(browser.getPageSource().contains("\"status\":\"DONE\""), browser.getPageSource());
        String jobId = job.substring(job.lastIndexOf('/') + 1);
        browser.get(url("/t/" + stranger + "/admin/import/" + jobId));
        assertTrue(browser.getPageSource().contains("404"), "another tenant's job is not found");
        browser.get(url("/t/" + stranger + "/admin/import/" + jobId + "/status"));
        assertTrue(browser.getPageSource().contains("404"), browser.getPageSource());
    }

    @Test
    void shouldEditAMemberKeepingWhatWasTypedBesideAnErrorThenSaveIt() {
        String tenant = tenant("南丰社区", 10);
        long first = Fixtures.organisation(tenant, "B01", "BRANCH", null);
        long second = Fixtures.organisation(tenant, "B02", "BRANCH", null);
        long member = Fixtures.member(tenant, "M0001", "张建国", first);
        signIn("tenant-admin", "/t/" + tenant + "/admin/members");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-member-M0001"))).click();
        WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-name")));
        assertEquals("张建国", name.getAttribute("value"));
        name.clear();
        name.sendKeys("张建华");
        browser.findElement(By.id("member-phone")).sendKeys("not a phone");
        new Select(browser.findElement(By.id("member-branchId"))).selectByValue(String.valueOf(second));
        browser.findElement(By.id("member-form")).submit();

        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-phone-error")));
        assertTrue(error.getText().contains("电话号码"), "in the user's language: " + error.getText());
        assertEquals("member-phone-error", browser.findElement(By.id("member-phone")).getAttribute("aria-describedby"));
        assertEquals("not a phone", browser.findElement(By.id("member-phone")).getAttribute("value"));
        assertEquals("张建华", browser.findElement(By.id("member-name")).getAttribute("value"), "what was typed is kept");
        assertEquals(String.valueOf(second), new Select(browser.findElement(By.id("member-branchId")))
                .getFirstSelectedOption().getAttribute("value"));
        browser.executeScript("document.getElementById('member-phone').scrollIntoView({block: 'center'})");
        Browser.screenshots(browser, "admin-member-error");
        given().get("/api/t/{tenant}/members/{id}", tenant, member).then().body("name",
                org.hamcrest.Matchers.equalTo("张建国"));

        WebElement phone = browser.findElement(By.id("member-phone"));
        phone.clear();
        phone.sendKeys("13800000001");
        browser.findElement(By.id("member-form")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "已保存。"));
        assertEquals("张建华", browser.findElement(By.id("member-name")).getAttribute("value"));
        JsonPath stored = given().get("/api/t/{tenant}/members/{id}", tenant, member).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("张建华", stored.getString("name"));
        assertEquals("13800000001", stored.getString("phone"));
        assertEquals(second, stored.getLong("branchId"));
        given().get("/api/t/{tenant}/audit", tenant).then().body("action",
                hasItem("POST /t/" + tenant + "/admin/members/" + member));

        browser.get(url("/t/" + tenant + "/admin/members?name=张建"));
        assertEquals(List.of("张建华"), browser.findElements(By.cssSelector("#member-table tbody td:nth-child(2)"))
                .stream().map(WebElement::getText).toList());
    }

    @Test
    void shouldRenameAndMoveAnOrganisationButRefuseAMoveUnderItsOwnGroup() {
        String tenant = tenant("杨舍镇", 10);
        long committee = Fixtures.organisation(tenant, "C01", "COMMITTEE", null);
        long branch = Fixtures.organisation(tenant, "B01", "BRANCH", null);
        long group = Fixtures.organisation(tenant, "B01-G1", "GROUP", branch);
        signIn("tenant-admin", "/t/" + tenant + "/admin/organisations");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-organisation-B01"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-name"))).clear();
        browser.findElement(By.id("organisation-form")).submit();
        assertEquals("不能为空",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-name-error"))).getText());
        WebElement name = browser.findElement(By.id("organisation-name"));
        name.sendKeys("第一党支部");
        new Select(browser.findElement(By.id("organisation-parentId"))).selectByValue(String.valueOf(group));
        browser.findElement(By.id("organisation-form")).submit();
        WebElement error = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-parentId-error")));
        assertTrue(error.getText().contains("descendants"), error.getText());
        assertEquals("第一党支部", browser.findElement(By.id("organisation-name")).getAttribute("value"));
        Browser.screenshots(browser, "admin-organisation-error");
        given().get("/api/t/{tenant}/organisations/{id}", tenant, branch).then().body("name",
                org.hamcrest.Matchers.equalTo("组织 B01"));

        new Select(browser.findElement(By.id("organisation-parentId"))).selectByValue(String.valueOf(committee));
        browser.findElement(By.id("organisation-form")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "已保存。"));
        JsonPath moved = given().get("/api/t/{tenant}/organisations/{id}", tenant, group).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("/C01/B01/B01-G1/", moved.getString("path"), "the subtree moves with it");
        given().get("/api/t/{tenant}/organisations/{id}", tenant, branch).then().body("name",
                org.hamcrest.Matchers.equalTo("第一党支部"));
    }

    @Test
    void shouldFindAnActivistByNameFromTheConsoleNavigation() {
        String tenant = tenant("港城社区", 10);
        long branch = Fixtures.organisation(tenant, "B01", "BRANCH", null);
        long activist = apply(tenant, "A001", "刘洋", branch);
        apply(tenant, "A002", "刘芳", branch);
        apply(tenant, "A003", "陈静", branch);
        given().contentType(ContentType.JSON).body(Map.of("stage", "ACTIVIST", "on", "2025-03-01"))
                .post("/api/t/{tenant}/applicants/{id}/advance", tenant, activist).then().statusCode(200);
        signIn("tenant-admin", "/t/" + tenant + "/admin/members");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("入党积极分子"))).click();
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applicant-name")));
        assertEquals("page", browser.findElement(By.linkText("入党积极分子")).getAttribute("aria-current"));
        assertEquals(3, names().size());
        search.sendKeys("刘");
        search.submit();
        wait.until(ExpectedConditions.urlContains("name="));
        assertEquals(List.of("刘洋", "刘芳"), names().stream().sorted().toList());

        new Select(browser.findElement(By.id("applicant-stage"))).selectByValue("ACTIVIST");
        browser.findElement(By.id("applicant-name")).submit();
        wait.until(ExpectedConditions.urlContains("stage=ACTIVIST"));
        assertEquals(List.of("刘洋"), names());
        assertTrue(browser.findElement(By.cssSelector("#applicant-table tbody tr")).getText().contains("入党积极分子"));
        Browser.screenshots(browser, "admin-applicants");
        assertNotEquals(0, given().queryParam("name", "刘").get("/api/t/{tenant}/applicants", tenant).then()
                .statusCode(200).extract().jsonPath().getList("items").size());
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#applicant-table tbody td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }

    private static long apply(String tenant, String code, String name, long branch) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "gender", "FEMALE", "branchId", branch, "appliedOn",
                        "2024-09-01"))
                .post("/api/t/{tenant}/applicants", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A tenant whose administrator is the demo user {@code tenant-admin}. */
    private static String tenant(String name, int memberQuota) {
        String id = Fixtures.unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", name, "type", "COMMUNITY", "regionCode", Fixtures.region(), "plan",
                        Map.of("plugins", List.of(), "memberQuota", memberQuota)))
                .post("/api/admin/tenants").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", id))
                .post("/api/admin/memberships").then().statusCode(201);
        return id;
    }

    private void signIn(String username, String path) {
        Browser.signIn(browser, wait, base, username, path);
    }

    private String url(String path) {
        return Browser.url(base, path);
    }
}
