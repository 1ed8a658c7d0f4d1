package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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

/** The admin console's generated form for the points settings: the approvers group as checkboxes, in a browser. */
@QuarkusTest
class PointsSettingsFormBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldSetApproversWithCheckboxesAndRefuseAKindWithoutAnyRole() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        PointsFixtures.grant("tenant-admin", "TENANT_ADMIN", org.tenant(), null);
        signIn("tenant-admin", "/t/" + org.tenant() + "/admin/plugins");

        WebElement taskBySecretary = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#points input[name='config.approvers.task'][value='BRANCH_SECRETARY']")));
        assertTrue(taskBySecretary.isSelected(), "the default: both roles");
        assertTrue(browser.findElement(By.id("points-approvers.task")).getText().contains("支部书记"),
                "the roles' labels, in the user's language");
        taskBySecretary.click();
        browser.findElement(By.cssSelector("#points button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("points"), "已保存。"));
        given().get("/api/t/{tenant}/plugins/points", org.tenant()).then().statusCode(200)
                .body("config.approvers.task", equalTo(List.of("TENANT_ADMIN")))
                .body("overrides", equalTo(Map.of("approvers", Map.of("task", List.of("TENANT_ADMIN")))));
        assertFalse(browser
                .findElement(By.cssSelector("#points input[name='config.approvers.task'][value='BRANCH_SECRETARY']"))
                .isSelected());
        Browser.screenshots(browser, "points-settings");

        // Nobody left to grant bonus points: refused beside the field, nothing saved.
        for (WebElement box : browser.findElements(By.cssSelector("#points input[name='config.approvers.bonus']"))) {
            box.click();
        }
        browser.findElement(By.cssSelector("#points button[type=submit]")).click();
        WebElement error = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("points-approvers.bonus-error")));
        assertFalse(error.getText().isBlank());
        Browser.screenshots(browser, "points-settings-error");
        given().get("/api/t/{tenant}/plugins/points", org.tenant()).then().statusCode(200)
                .body("config.approvers.bonus", equalTo(List.of("BRANCH_SECRETARY", "TENANT_ADMIN")))
                .body("config.approvers.task", equalTo(List.of("TENANT_ADMIN")));
    }

    private void signIn(String username, String path) {
        Browser.signIn(browser, wait, base, username, path);
    }
}
