package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Browser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The points pages in a real browser, signed in through the real Keycloak, against the real services: a secretary's
 * refused and accepted awards, a task from publication to approval, the member's balance rising, and the pages hidden
 * where the plugin is off or the permission is missing.
 */
@QuarkusTest
class PointsPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource app;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldAwardPublishClaimCompleteApproveAndShowTheMembersRisingBalance() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(Map.of("maxAwardPoints", 10));
        String tenant = org.tenant();
        long member = linkedMember(tenant, org.branchA(), "member", "陈志强");
        PointsFixtures.grant("member", "MEMBER", tenant, null);
        PointsFixtures.grant("branch-secretary", "BRANCH_SECRETARY", tenant, org.branchA());
        String memberCode = given().get("/api/t/{tenant}/members/{id}", tenant, member).then().statusCode(200).extract()
                .jsonPath().getString("code");
        String otherBranchCode = cloud.dangjian.core.testing.Fixtures.unique("M");
        cloud.dangjian.core.testing.Fixtures.member(tenant, otherBranchCode, "李明", org.branchB());

        // The secretary's award: 0 and 11 (over the tenant's maximum of 10) are refused beside the field.
        signIn("branch-secretary", "/t/" + tenant + "/points/appraisal");
        award(memberCode, "0", "志愿服务");
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("award-points-error")));
        assertEquals("附加积分须在 1 到 10 分之间", error.getText());
        assertEquals("0", value("award-points"), "what the user typed is kept");
        assertEquals("志愿服务", value("award-reason"));
        assertEquals(memberCode, value("award-member"));
        assertEquals("true", browser.findElement(By.id("award-points")).getAttribute("aria-invalid"));
        screenshotsAt("award-form", "points-appraisal-award-error");
        award(memberCode, "11", "志愿服务");
        assertEquals("附加积分须在 1 到 10 分之间",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("award-points-error"))).getText());
        award("NO-SUCH", "5", "");
        assertEquals("找不到编号为 NO-SUCH 的党员", browser.findElement(By.id("award-member-error")).getText());
        assertEquals("请填写此项", browser.findElement(By.id("award-reason-error")).getText());
        // A secretary's page stops at their branch, as the API does.
        award(otherBranchCode, "5", "志愿服务");
        assertEquals("不在您管理的组织范围内", browser.findElement(By.id("award-member-error")).getText());
        assertEquals(0, Database.count(app, tenant, "SELECT count(*) FROM points_ledger"), "refusals write nothing");

        award(memberCode, "5", "社区志愿服务");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appraisal-notice"), "5 分附加积分"));
        assertTrue(browser.findElement(By.id("detail-history")).getText().contains("社区志愿服务"));
        assertTrue(browser.findElement(By.id("member-ranking")).getText().contains("陈志强"));

        // The secretary publishes a task for the branch.
        browser.get(url("/t/" + tenant + "/points/tasks"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title"))).sendKeys("走访困难党员");
        browser.findElement(By.id("task-points")).sendKeys("99");
        // submit() skips the browser's own min/max check, as an old browser or a crafted post would.
        browser.findElement(By.id("task-points")).submit();
        assertEquals("任务积分须在 1 到 50 分之间",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-points-error"))).getText());
        assertEquals("走访困难党员", value("task-title"));
        WebElement points = browser.findElement(By.id("task-points"));
        points.clear();
        points.sendKeys("8");
        browser.findElement(By.id("publish-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-notice"), "任务已发布"));
        long task = Database.count(app, tenant, "SELECT max(id) FROM points_tasks");
        assertTrue(browser.findElement(By.id("open-tasks")).getText().contains("走访困难党员"),
                "the secretary follows what they published");
        assertTrue(browser.findElements(By.id("claim-" + task)).isEmpty(), "without a member record, nothing to claim");

        // The member sees the award, claims the task and reports it done.
        switchUser("member", "/t/" + tenant);
        // The portal's entries, from the plugin's descriptor, lead to the pages.
        assertEquals(List.of("我的积分", "积分任务"),
                browser.findElements(By.cssSelector("#portal-menu a")).stream().map(WebElement::getText).toList());
        browser.findElement(By.linkText("我的积分")).click();
        assertEquals("5 分", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("points-total"))).getText());
        assertTrue(browser.findElement(By.id("points-history")).getText().contains("社区志愿服务"), text());
        assertEquals("+5", browser.findElement(By.id("kind-BONUS")).getText());
        assertEquals("第 1 名，共 1 人", browser.findElement(By.id("rank-branch")).getText());

        browser.findElement(By.linkText("积分任务")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-" + task))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-notice"), "已认领任务"));
        WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-" + task)));
        note.sendKeys("已走访 12 户");
        browser.findElement(By.id("complete-" + task)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-notice"), "等待审核"));
        assertTrue(browser.findElement(By.id("my-tasks")).getText().contains("待审核"), text());
        assertTrue(browser.findElements(By.id("publish-form")).isEmpty(), "a member publishes nothing");
        Browser.screenshots(browser, "points-tasks-member");

        // The secretary approves it.
        switchUser("branch-secretary", "/t/" + tenant + "/points/tasks");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("awaiting-tasks"))).getText()
                .contains("已走访 12 户"));
        Browser.screenshots(browser, "points-tasks");
        browser.findElement(By.id("approve-" + task)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-notice"), "积分已记入"));
        assertEquals(1, Database.count(app, tenant,
                "SELECT count(*) FROM points_ledger WHERE kind = 'TASK' AND task_id = ?", task));

        // The member's balance rose by the task's points.
        switchUser("member", "/t/" + tenant + "/points");
        assertEquals("13 分", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("points-total"))).getText());
        assertEquals("+8", browser.findElement(By.id("kind-TASK")).getText());
        assertTrue(browser.findElement(By.id("points-history")).getText().contains("走访困难党员"), text());
        Browser.screenshots(browser, "points-my-points");

        browser.findElement(By.linkText("切换到 English")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("points-total"), "13 points"));
        assertEquals("+8", browser.findElement(By.id("kind-TASK")).getText());
        assertEquals("1 of 1", browser.findElement(By.id("rank-branch")).getText());

        // The pages' changes and refusals are in the tenant's audit trail.
        List<String> audited = given().get("/api/t/{tenant}/audit", tenant).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.action.startsWith('POST /t/') }.collect { it.action + ' ' + it.status }");
        assertTrue(audited.contains("POST /t/" + tenant + "/points/appraisal/awards 400"), audited.toString());
        assertTrue(audited.contains("POST /t/" + tenant + "/points/appraisal/awards 403"), audited.toString());
        assertTrue(audited.contains("POST /t/" + tenant + "/points/tasks/" + task + "/approve 303"),
                audited.toString());

        // A member may not open the appraisal: 403.
        browser.get(url("/t/" + tenant + "/points/appraisal"));
        assertTrue(browser.getPageSource().contains("403"), browser.getPageSource());
        assertTrue(browser.findElements(By.id("award-form")).isEmpty());
    }

    @Test
    void shouldSendATaskBackWithAReasonAndCorrectAnEntry() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        String tenant = org.tenant();
        long member = linkedMember(tenant, org.branchA(), "second-member", "王秀兰");
        PointsFixtures.grant("second-member", "MEMBER", tenant, null);
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", tenant, null);
        long task = given().header("Authorization", PointsFixtures.bearer("tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", org.branchA(), "title", "整理党员档案", "points", 6))
                .post("/api/t/{tenant}/points/tasks", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String step : List.of("claim", "complete")) {
            given().header("Authorization", PointsFixtures.bearer("second-member")).contentType(ContentType.JSON)
                    .body(Map.of()).post("/api/t/{tenant}/points/tasks/{id}/{step}", tenant, task, step).then()
                    .statusCode(200);
        }
        long entry = given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "points", 4, "reason", "优秀党员"))
                .post("/api/t/{tenant}/points/awards", tenant).then().statusCode(201).extract().jsonPath()
                .getLong("id");

        signIn("tenant-admin", "/t/" + tenant + "/points/tasks");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reject-" + task))).click();
        assertEquals("请填写此项",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-" + task + "-error"))).getText());
        browser.findElement(By.id("reason-" + task)).sendKeys("请附走访记录");
        browser.findElement(By.id("reject-" + task)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-notice"), "已退回"));
        given().get("/api/t/{tenant}/points/tasks/{id}", tenant, task).then().statusCode(200).body("status",
                equalTo("CLAIMED"));

        // Corrections: a refused one keeps what was typed; an accepted one is a compensating entry.
        browser.get(url("/t/" + tenant + "/points/appraisal"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("correction-entry")))
                .sendKeys(String.valueOf(entry));
        browser.findElement(By.id("correction-points")).sendKeys("-9");
        browser.findElement(By.id("correction-reason")).sendKeys("重复登记");
        browser.findElement(By.id("correction-submit")).click();
        assertFalse(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("correction-points-error"))).getText()
                .isBlank());
        assertEquals("-9", value("correction-points"));
        WebElement change = browser.findElement(By.id("correction-points"));
        change.clear();
        change.sendKeys("-4");
        browser.findElement(By.id("correction-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appraisal-notice"), "已更正"));
        assertEquals("0 分", browser.findElement(By.id("detail-total")).getText());
        assertEquals(1, Database.count(app, tenant,
                "SELECT count(*) FROM points_ledger WHERE kind = 'CORRECTION' AND corrects_id = ?", entry));

        // The tenant administrator verifies the ledger from the page.
        browser.findElement(By.id("verify-submit")).click();
        assertEquals("台账完整：2 条记录的哈希链全部吻合。",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-result"))).getText());
        screenshotsAt("verify-title", "points-appraisal-verify");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshots(browser, "points-appraisal");

        // The sheet's link downloads the period's CSV with the reviewer's session.
        String href = browser.findElement(By.id("sheet-link")).getAttribute("href");
        String sheet = (String) browser.executeScript("return fetch(arguments[0]).then(r => r.text())", href);
        assertTrue(sheet.contains("排名 rank,编号 code"), sheet);
        assertTrue(sheet.contains("王秀兰"), sheet);
    }

    @Test
    void shouldHideThePagesWhereThePluginIsOff() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        PointsFixtures.grant("member", "MEMBER", org.tenant(), null);
        PointsFixtures.switchPoints(org.tenant(), false, null).statusCode(200);

        signIn("member", "/t/" + org.tenant() + "/points");
        assertTrue(browser.getPageSource().contains("404"), browser.getPageSource());
        assertTrue(browser.findElements(By.id("points-total")).isEmpty());
        browser.get(url("/t/" + org.tenant() + "/points/tasks"));
        assertTrue(browser.getPageSource().contains("404"), browser.getPageSource());
        browser.get(url("/t/" + org.tenant()));
        assertTrue(browser.findElements(By.cssSelector("#portal-menu a")).stream()
                .noneMatch(link -> link.getText().contains("积分")), "no points entry on the portal");
    }

    private long linkedMember(String tenant, long branch, String login, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", cloud.dangjian.core.testing.Fixtures.unique("M"), "username", login, "member",
                        Map.of("name", name, "gender", "MALE", "status", "FULL", "branchId", branch)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void award(String member, String points, String reason) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("award-member")));
        field.clear();
        field.sendKeys(member);
        WebElement amount = browser.findElement(By.id("award-points"));
        amount.clear();
        amount.sendKeys(points);
        WebElement why = browser.findElement(By.id("award-reason"));
        why.clear();
        why.sendKeys(reason);
        // submit() skips the browser's own min/max check, so the server's refusal is what the test sees.
        amount.submit();
        wait.until(ExpectedConditions.stalenessOf(field));
    }

    /** Like {@link Browser#screenshots}, scrolled to an element further down the page. */
    private void screenshotsAt(String id, String name) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files
                .createDirectories(java.nio.file.Path.of("target", "screenshots"));
        for (int width : new int[] { 360, 1280 }) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 360 ? 780 : 900));
            browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id(id)));
            java.io.File shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            java.nio.file.Files.copy(shot.toPath(), folder.resolve(name + "-" + width + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private void switchUser(String username, String path) throws Exception {
        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(username, path);
    }

    private void signIn(String username, String path) {
        Browser.signIn(browser, wait, base, username, path);
    }

    private String url(String path) {
        return Browser.url(base, path);
    }

    private String text() {
        return Browser.text(browser);
    }
}
