package org.seminar.annotator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Browser;

/** The reading view in headless Chromium: every paragraph shown, footnote links there and back. */
@QuarkusTest
class ReadingPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void showsEveryParagraphAndFootnoteLinksGoThereAndBack() throws Exception {
        String id = DocumentApiTest.bundledId();
        JsonPath doc = DocumentApiTest.document(id);
        List<String> paragraphIds = doc.getList("sections.paragraphs.flatten().id");
        List<String> paragraphTexts = doc.getList("sections.paragraphs.flatten().text");
        String page = new URL(base, "/documents/" + id).toString();
        try (Browser browser = new Browser()) {
            browser.signIn(page, "reviewer3");
            List<WebElement> paragraphs = browser.driver.findElements(By.cssSelector("article .para"));
            assertEquals(paragraphIds, paragraphs.stream().map(p -> p.getAttribute("id")).toList());
            for (int i = 0; i < paragraphs.size(); i++) {
                WebElement p = paragraphs.get(i);
                assertEquals(String.valueOf(i + 1), p.findElement(By.cssSelector(".pnum")).getText());
                String shown = (String) browser.driver.executeScript(
                        "const c = arguments[0].querySelector('.ptext').cloneNode(true);"
                                + "c.querySelectorAll('[data-skip]').forEach(e => e.remove()); return c.textContent;", p);
                assertEquals(paragraphTexts.get(i), shown, "paragraph " + (i + 1) + " shows exactly its text");
            }
            assertEquals(5, browser.driver.findElements(By.cssSelector("article section.section h2")).size());
            assertEquals(31, browser.driver.findElements(By.cssSelector("#notes li")).size());

            WebElement marker = browser.driver.findElement(By.cssSelector("#" + paragraphIds.get(0) + " sup.fnref a"));
            marker.click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("#fn-1"));
            WebElement back = browser.driver.findElement(By.cssSelector("#fn-1 a.backref"));
            back.click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("#fnref-1-" + paragraphIds.get(0)));
            assertTrue(browser.driver.findElement(By.id("fnref-1-" + paragraphIds.get(0))).isDisplayed());

            Path shot = Path.of("target/screenshots/reading-page.png");
            Files.createDirectories(shot.getParent());
            browser.driver.get(page);
            Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
