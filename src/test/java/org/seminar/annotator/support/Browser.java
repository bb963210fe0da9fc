package org.seminar.annotator.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, with the flags that keep it off the closed network. */
public final class Browser implements AutoCloseable {

    public final ChromeDriver driver;

    /** Where files this browser downloads land. */
    public final Path downloads;

    public Browser() {
        this(false);
    }

    /** A phone held in one hand: Chromium's mobile emulation, 390 x 844 CSS px, touch events. */
    public static Browser phone() {
        return new Browser(true);
    }

    private Browser(boolean phone) {
        try {
            Path profile = Files.createTempDirectory("annotator-chromium-");
            downloads = Files.createTempDirectory("annotator-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            if (phone) {
                options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                        "deviceMetrics", java.util.Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
                        "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"));
            }
            options.setBinary(System.getProperty("annotator-test.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("annotator-test.chromedriver", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebDriverWait waitUpTo(Duration limit) {
        return new WebDriverWait(driver, limit);
    }

    /** Opens a protected page, signs in on Keycloak's form and waits to be back on the app. */
    public void signIn(String appPage, String username) {
        signIn(appPage, username, username);
    }

    /** Opens a protected page, signs in with the given password and waits to be back on the app. */
    public void signIn(String appPage, String username, String password) {
        driver.get(appPage);
        waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        try {
            waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(appPage));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Sign-in of " + username + " did not return to " + appPage + "; Keycloak shows: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * Selects characters {@code start..end} of a paragraph's text (its first text node) and lets go
     * of the mouse, as a reader selecting a passage does.
     */
    public void selectWithMouse(String paragraphId, int start, int end) {
        driver.executeScript("""
                const ptext = document.getElementById(arguments[0]).querySelector('.ptext');
                const node = ptext.firstChild;
                const range = document.createRange();
                range.setStart(node, arguments[1]); range.setEnd(node, arguments[2]);
                const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
                ptext.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));""", paragraphId, start, end);
    }

    /** Content-Security-Policy violations the browser reported on its console since the last call. */
    public java.util.List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
