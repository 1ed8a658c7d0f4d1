package cloud.dangjian.core.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Browser;
import cloud.dangjian.core.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

/** The web shell in a real browser, signed in through the real Keycloak. */
@QuarkusTest
class ShellBrowserTest {

    @TestHTTPResource("/")
    URL base;

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
    void shouldSignInPickATenantAndSwitchAPluginWhoseEntryThenAppearsAndDisappears() {
        String tenant = tenantWithNoticeboard("沙洲钢铁");
        tenantWithNoticeboard("第二家单位");
        signIn("tenant-admin", "/t");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("沙洲钢铁"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/t/" + tenant)));
        assertTrue(text().contains("本单位尚未开启任何功能。"), text());
        Browser.screenshots(browser, "portal-home");

        browser.findElement(By.linkText("功能插件")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("noticeboard-enabled"))).click();
        WebElement pinned = browser.findElement(By.id("noticeboard-maxPinned"));
        pinned.clear();
        pinned.sendKeys("99");
        pinned.submit();

        WebElement error = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("noticeboard-maxPinned-error")));
        assertFalse(error.getText().isBlank());
        assertEquals("99", browser.findElement(By.id("noticeboard-maxPinned")).getAttribute("value"),
                "what the user typed is kept");
        assertTrue(browser.findElement(By.id("noticeboard-enabled")).isSelected());
        Browser.screenshots(browser, "admin-plugins-error");

        WebElement fixed = browser.findElement(By.id("noticeboard-maxPinned"));
        fixed.clear();
        fixed.sendKeys("4");
        fixed.submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeboard"), "已保存。"));
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(true))
                .body("overrides", org.hamcrest.Matchers.equalTo(Map.of("maxPinned", 4)));

        browser.get(url("/t/" + tenant));
        assertEquals(List.of("公告"), menu());
        Browser.screenshots(browser, "portal-home-with-plugin");
        browser.findElement(By.linkText("公告")).click();
        assertTrue(
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notices"))).getText().contains("欢迎使用公告栏"),
                "the entry leads to the plugin's page");
        browser.get(url("/t/" + tenant));

        browser.findElement(By.linkText("切换到 English")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Hello, tenant-admin"));
        assertEquals(List.of("Notices"), menu());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));

        browser.get(url("/t/" + tenant + "/admin/plugins"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("noticeboard-enabled"))).click();
        browser.findElement(By.id("noticeboard-enabled")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeboard"), "Saved."));
        Browser.screenshots(browser, "admin-plugins");
        browser.get(url("/t/" + tenant));
        assertEquals(List.of(), menu());
        assertTrue(text().contains("No feature is switched on"), text());
        browser.get(url("/t/" + tenant + "/noticeboard/"));
        assertTrue(browser.getPageSource().contains("404"), "a plugin switched off hides its pages too");
        assertTrue(browser.findElements(By.id("notices")).isEmpty());
    }

    @Test
    void shouldRefuseAFormWithoutItsTokenAndHideTenantsTheUserDoesNotBelongTo() {
        String tenant = tenantWithNoticeboard("港城物流");
        String stranger = tenantWithNoticeboard("别人家");
        signIn("tenant-admin", "/t/" + tenant + "/admin/plugins");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("noticeboard-enabled")));
        browser.executeScript("document.querySelector('#noticeboard input[name=csrf]').value = 'forged';");
        browser.findElement(By.id("noticeboard-enabled")).submit();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("saved")));
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().body("enabled",
                org.hamcrest.Matchers.equalTo(false));

        browser.get(url("/t/" + stranger));
        assertTrue(browser.getPageSource().contains("404"), browser.getPageSource());
        given().noFilters().redirects().follow(false).get("/t/" + tenant).then().statusCode(302).header("Location",
                org.hamcrest.Matchers.containsString("/protocol/openid-connect/auth"));
    }

    @Test
    void shouldShowTheOrganisationTreeAndFindMembersByName() {
        String tenant = tenantWithNoticeboard("暨阳社区");
        long branch = Fixtures.organisation(tenant, "B01", "BRANCH", null);
        Fixtures.organisation(tenant, "B01-G1", "GROUP", branch);
        Fixtures.member(tenant, "M0001", "张建国", branch);
        Fixtures.member(tenant, "M0002", "张秀英", branch);
        Fixtures.member(tenant, "M0003", "李明", branch);
        signIn("tenant-admin", "/t/" + tenant);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("组织架构"))).click();
        List<WebElement> nodes = wait
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#organisation-tree li")));
        assertEquals(List.of("depth-0", "depth-1"), nodes.stream().map(n -> n.getAttribute("class")).toList());
        assertTrue(nodes.get(1).getText().contains("组织 B01-G1"), nodes.get(1).getText());

        browser.get(url("/t/" + tenant + "/admin/members"));
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-name")));
        search.sendKeys("张");
        search.submit();
        wait.until(ExpectedConditions.urlContains("name="));
        assertEquals(List.of("张建国", "张秀英"),
                browser.findElements(By.cssSelector("#member-table tbody tr td:nth-child(2)")).stream()
                        .map(WebElement::getText).sorted().toList());
        Browser.screenshots(browser, "admin-members");
    }

    @Test
    void shouldShowAMembersActivityCardWhoseCodeASecretaryCanVerify() throws Exception {
        String tenant = tenantWithNoticeboard("锦丰社区");
        long branch = Fixtures.organisation(tenant, "B01", "BRANCH", null);
        String login = "card-" + Fixtures.unique("m").toLowerCase();
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "M0007", "username", login, "member",
                        Map.of("name", "王秀兰", "gender", "FEMALE", "status", "FULL", "branchId", branch)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201);
        // The Keycloak account is the account worker's business; here the card page is reached as that login by
        // letting the demo user `member` stand in for it.
        given().contentType(ContentType.JSON).body(Map.of("username", "member", "role", "MEMBER", "tenant", tenant))
                .post("/api/admin/memberships").then().statusCode(201);

        signIn("member", "/t/" + tenant + "/me/card");
        assertTrue(text().contains("您的登录名尚未关联党员档案"), "the demo login is linked to no member here: " + text());

        given().contentType(ContentType.JSON)
                .body(Map.of("code", "M0008", "username", "member", "member",
                        Map.of("name", "陈志强", "gender", "MALE", "status", "PROBATIONARY", "branchId", branch)))
                .post("/api/t/{tenant}/members", tenant).then().statusCode(201);
        browser.navigate().refresh();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-code"))).getText();
        assertTrue(code.startsWith("M0008-"), code);
        assertTrue(text().contains("陈志强") && text().contains("预备党员") && text().contains("组织 B01"), text());
        assertEquals(1, browser.findElements(By.cssSelector(".activity-card svg.qr path")).size());
        Browser.screenshots(browser, "activity-card");

        browser.get(url("/t/" + tenant + "/me"));
        assertEquals("陈志强", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-name"))).getText());
        assertEquals("组织 B01", browser.findElement(By.id("profile-branch")).getText());
        assertTrue(browser.findElement(By.id("role-list")).getText().contains("党员"), text());
        Browser.screenshots(browser, "my-profile");

        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("tenant-admin", "/t/" + tenant + "/admin/verify");
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-code-input")));
        input.sendKeys(code);
        input.submit();
        assertEquals("活动证有效",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-result"))).getText());
        assertTrue(text().contains("陈志强"), text());

        String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        browser.get(url("/t/" + tenant + "/admin/verify?code=" + forged));
        assertTrue(browser.findElement(By.id("verify-result")).getText().startsWith("活动证无效"));
    }

    @Test
    void shouldImportACsvAndReportEachBadRowWithoutImportingAnything() throws Exception {
        String tenant = tenantWithNoticeboard("港区物流");
        Fixtures.organisation(tenant, "B01", "BRANCH", null);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("members", ".csv");
        java.nio.file.Files.writeString(bad, """
                code,name,gender,status,branch_code
                M0001,周敏,FEMALE,FULL,B01
                M0002,吴强,ROBOT,FULL,B01
                M0003,郑洁,FEMALE,FULL,B99
                """);
        signIn("tenant-admin", "/t/" + tenant);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("批量导入"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")))
                .sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-file")).submit();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        List<String> rows = browser.findElements(By.cssSelector("#import-errors tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("3 gender"), rows.toString());
        assertTrue(rows.get(1).startsWith("4 branch_code"), rows.toString());
        Browser.screenshots(browser, "admin-import-errors");
        given().get("/api/t/{tenant}/members", tenant).then().body("items", org.hamcrest.Matchers.empty());

        java.nio.file.Files.writeString(bad, """
                code,name,gender,status,branch_code
                M0001,周敏,FEMALE,FULL,B01
                M0002,吴强,MALE,FULL,B01
                """);
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-file")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "新增 2"));
        given().get("/api/t/{tenant}/members", tenant).then().body("items.code",
                org.hamcrest.Matchers.containsInAnyOrder("M0001", "M0002"));
    }

    @Test
    void shouldLetARegionAdministratorEnterTenantsBelowTheRegionAndReadTheirAuditTrail() {
        String region = Fixtures.region();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "region-admin", "role", "REGION_ADMIN", "regionCode", region))
                .post("/api/admin/memberships").then().statusCode(201);
        String tenant = Fixtures.unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "杨舍东城物业", "type", "COMMUNITY", "regionCode", region, "plan",
                        Map.of("plugins", List.of(), "memberQuota", 10)))
                .post("/api/admin/tenants").then().statusCode(201);
        Fixtures.organisation(tenant, "B01", "BRANCH", null);

        signIn("region-admin", "/t");
        // The picker lists the tenants below the region; with just this one it goes straight there.
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.linkText("杨舍东城物业")),
                ExpectedConditions.urlToBe(url("/t/" + tenant))));
        if (!browser.getCurrentUrl().equals(url("/t/" + tenant))) {
            browser.findElement(By.linkText("杨舍东城物业")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("操作日志"))).click();
        List<String> actions = wait
                .until(ExpectedConditions
                        .presenceOfAllElementsLocatedBy(By.cssSelector("#audit-table td:nth-child(3)")))
                .stream().map(WebElement::getText).toList();
        assertTrue(actions.contains("POST /api/t/" + tenant + "/organisations"), actions.toString());

        browser.get(url("/t?q=" + java.net.URLEncoder.encode("东城物业", java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("杨舍东城物业"),
                wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#tenant-list a"))).stream()
                        .map(WebElement::getText).toList());
        browser.get(url("/t?q=nothing-like-it"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-tenants")));

        browser.get(url("/t/" + tenant + "/admin/plugins/../no-such-page"));
        assertTrue(text().contains("页面不存在") || browser.getPageSource().contains("404"), text());
        assertEquals(0, browser.findElements(By.tagName("pre")).size(), "errors of pages are pages, not JSON");
    }

    @Test
    void shouldPublishANoticeThatAMemberFindsUnreadOnTheHomePage() throws Exception {
        String tenant = tenantWithNoticeboard("港城社区");
        Fixtures.grant("member", "MEMBER", tenant, null);
        signIn("tenant-admin", "/t/" + tenant + "/admin/notices");
        String text = "本周六上午九点，社区广场集合。";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-body"))).sendKeys(text);
        browser.findElement(By.id("publish")).click();

        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-title-error")));
        assertEquals("请填写标题（不超过200字）", error.getText());
        assertEquals(text, browser.findElement(By.id("notice-body")).getAttribute("value"), "what was typed is kept");
        given().get("/api/t/{tenant}/notices", tenant).then().body("size()", org.hamcrest.Matchers.equalTo(0));
        Browser.screenshots(browser, "notice-form-error");

        browser.findElement(By.id("notice-title")).sendKeys("志愿服务活动");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-reads")));
        assertEquals("志愿服务活动", browser.findElement(By.id("notice-title")).getText());

        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("member", "/t/" + tenant);
        WebElement unread = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#home-notice-list li.unread a")));
        assertEquals("志愿服务活动", unread.getText());
        assertTrue(text().contains("1 条未读"), text());
        assertTrue(text().contains("暂无待办事项。"), text());
        Browser.screenshots(browser, "portal-home-notices");
        unread.click();
        assertEquals(text, wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-body"))).getText());
        assertEquals(0, browser.findElements(By.id("notice-reads")).size(), "members do not see the read counts");

        browser.get(url("/t/" + tenant));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-notice-list")));
        assertEquals(0, browser.findElements(By.cssSelector("#home-notice-list li.unread")).size());
        browser.get(url("/t/" + tenant + "/admin/notices"));
        assertTrue(text().contains("没有权限"), "a member publishes nothing: " + text());
    }

    private String tenantWithNoticeboard(String name) {
        String id = Fixtures.unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", name, "type", "ENTERPRISE", "regionCode", Fixtures.region(), "plan",
                        Map.of("plugins", List.of("noticeboard"), "memberQuota", 10)))
                .post("/api/admin/tenants").then().statusCode(201);
        if (!name.equals("别人家")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", id))
                    .post("/api/admin/memberships").then().statusCode(201);
        }
        return id;
    }

    private List<String> menu() {
        return browser.findElements(By.cssSelector("#portal-menu a")).stream().map(WebElement::getText).toList();
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
