package cloud.dangjian.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver: no browser is downloaded. {@code ./dangjian test}
 * installs both packages; without them this fails and says so. Public in the test-jar, so plugins' browser tests use it
 * too.
 */
public final class Browser {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver; "
                    + "./dangjian test installs them (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("dangjian-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    /** Saves the page at a phone's and a desktop's width to target/screenshots/{name}-{width}.png. */
    public static void screenshots(ChromeDriver driver, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            for (int width : new int[] { 360, 1280 }) {
                driver.manage().window().setSize(new Dimension(width, width == 360 ? 780 : 900));
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), folder.resolve(name + "-" + width + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens {@code path} of the platform at {@code base} and signs in through Keycloak's own login form with the demo
     * password, then waits to be back on the platform.
     */
    public static void signIn(ChromeDriver driver, WebDriverWait wait, URL base, String username, String path) {
        driver.get(url(base, path));
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "No Keycloak login form at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(base.getHost()));
    }

    /** The absolute URL of a path of the platform under test. */
    public static String url(URL base, String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** The visible text of the page. */
    public static String text(ChromeDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}
