package org.seminar.annotator.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The codebook editor and the corrections of the reading page in a browser, by keyboard: an admin adds a tag and
 * recolours it (a pale colour refused next to its field), a reviewer's open page takes the new tag in live; the admin
 * corrects a paragraph's text and removes a running head, told first what happens to its annotation. axe-core finds
 * nothing in any of these states. Screenshots: target/screenshots (docs/screenshots keeps copies).
 */
@QuarkusTest
class CodebookAndCorrectionsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static void shoot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }

    static boolean focused(Browser browser, WebElement element) {
        return (Boolean) browser.driver.executeScript("return document.activeElement === arguments[0];", element);
    }

    static void ready(Browser browser) {
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready"))
                && "true".equals(d.findElement(By.id("reader")).getAttribute("data-live")));
    }

    @Test
    void anAdminAddsAndRecoloursATagByKeyboardAndAnOpenReadingPageTakesItInLive() throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        String name = "Deterrence " + run;
        String slug = "deterrence-" + run;
        String doc = Documents.importText("Codebook live " + run + "\n\nA paragraph read while the codebook changes.");
        try (Browser admin = new Browser(); Browser reviewer = new Browser()) {
            reviewer.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer2");
            ready(reviewer);
            admin.signIn(new URL(base, "/admin/codebook").toString(), "admin");
            Actions keys = new Actions(admin.driver);
            admin.driver.findElement(By.id("new-name")).sendKeys(name);
            keys.sendKeys(Keys.TAB, "#2c5282", Keys.TAB, "Threats that keep an adversary from acting.", Keys.ENTER).perform();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "Tag \u201c" + name + "\u201d added."));
            assertEquals(List.of(), Accessibility.violations(admin.driver));

            reviewer.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("filter-tag")).getText().contains(name));
            assertTrue(reviewer.driver.findElement(By.id("toolbar")).getAttribute("innerHTML").contains(slug),
                    "the new tag is offered in the tagging box without a reload");

            WebElement colour = admin.driver.findElement(By.id("color-" + slug));
            colour.sendKeys(Keys.chord(Keys.CONTROL, "a"), "#fbd38d", Keys.ENTER);
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("color-" + slug + "-error")));
            String refusal = admin.driver.findElement(By.id("color-" + slug + "-error")).getText();
            assertTrue(refusal.startsWith("Colour: #fbd38d is too light to see on the page") && refusal.contains("3:1"), refusal);
            assertEquals("true", admin.driver.findElement(By.id("color-" + slug)).getAttribute("aria-invalid"));
            assertEquals(List.of(), Accessibility.violations(admin.driver));
            admin.driver.findElement(By.id("color-" + slug)).sendKeys(Keys.chord(Keys.CONTROL, "a"), "#9c4221", Keys.ENTER);
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "\u201c" + name + "\u201d saved."));
            admin.driver.executeScript("document.getElementById('tag-' + arguments[0]).scrollIntoView({block: 'center'});", slug);
            shoot(admin, "codebook-editor.png");
            reviewer.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("toolbar"))
                    .findElement(By.cssSelector("[data-slug='" + slug + "']")).getAttribute("style").contains("156, 66, 33"));
        } finally {
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                    .put("/api/tags/" + slug);
        }
    }

    @Test
    void anAdminCorrectsAParagraphAndRemovesARunningHeadByKeyboardBeingToldWhatHappensToItsAnnotation() throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        String doc = Documents.importText("Corrections in the page " + run + "\n\nSmall states keep thier distance from the blocs.\n\n"
                + "JOURNAL OF SMALL STATES 12\n\nThe third paragraph goes on with the argument.");
        var paragraphs = Documents.document(doc).getList("sections.paragraphs.flatten().id", String.class);
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraphs.get(1), "start", 0, "end", 7, "quote", "JOURNAL", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        try (Browser reviewer = new Browser()) {
            reviewer.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            ready(reviewer);
            assertEquals(0, reviewer.driver.findElements(By.cssSelector(".correct-para, .correct-heading, #correct-dialog")).size(),
                    "reviewers are offered no corrections");
        }
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/documents/" + doc).toString(), "admin");
            ready(admin);
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".correct-para")));
            Actions keys = new Actions(admin.driver);

            // the text of ¶1: a typo of the import
            admin.driver.findElement(By.cssSelector("button[aria-label='Correct paragraph 1']")).sendKeys(Keys.ENTER);
            WebElement text = admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-text")));
            admin.waitUpTo(Duration.ofSeconds(5)).until(d -> focused(admin, text) && text.getAttribute("value").contains("thier"));
            assertEquals(List.of(), Accessibility.violations(admin.driver));
            shoot(admin, "paragraph-correction.png");
            text.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Small states keep their distance from the blocs.");
            keys.sendKeys(Keys.TAB).perform();
            assertTrue(focused(admin, admin.driver.findElement(By.className("correct-save"))), "Tab leads from the text to Save");
            keys.sendKeys(Keys.ENTER).perform();
            admin.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-notice"),
                    "Paragraph 1 corrected."));
            ready(admin);
            assertTrue(admin.driver.findElement(By.id(paragraphs.get(0))).getText().contains("keep their distance"));

            // ¶2 is a running head: removing it says first what happens to the annotation on it
            admin.driver.findElement(By.cssSelector("button[aria-label='Correct paragraph 2']")).sendKeys(Keys.ENTER);
            WebElement again = admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-text")));
            admin.waitUpTo(Duration.ofSeconds(5)).until(d -> focused(admin, again) && again.getAttribute("value").startsWith("JOURNAL"));
            WebElement remove = admin.driver.findElement(By.className("correct-remove"));
            for (int i = 0; i < 8 && !focused(admin, remove); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertTrue(focused(admin, remove), "the removal is reached by Tab");
            keys.sendKeys(Keys.ENTER).perform();
            WebElement confirm = admin.driver.findElement(By.className("correct-confirm"));
            admin.waitUpTo(Duration.ofSeconds(5)).until(d -> confirm.isDisplayed() && focused(admin, confirm));
            String told = admin.driver.findElement(By.id("correct-removal-text")).getText();
            assertTrue(told.startsWith("Paragraph 2 carries 1 annotation. It is kept: it moves to the paragraph before it"), told);
            assertEquals(List.of(), Accessibility.violations(admin.driver));
            shoot(admin, "paragraph-removal.png");
            keys.sendKeys(Keys.ENTER).perform();
            admin.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-notice"),
                    "Removed \u00b62; its 1 annotation is kept in \u00b61"));
            ready(admin);
            assertEquals(2, admin.driver.findElements(By.cssSelector("article .para")).size());
            assertTrue(admin.driver.findElements(By.id(paragraphs.get(1))).isEmpty(), "the running head is gone");
            assertEquals(List.of(), Accessibility.violations(admin.driver));

            // make the last paragraph a heading, and the heading a paragraph again
            admin.driver.findElement(By.cssSelector("button[aria-label='Correct paragraph 2']")).sendKeys(Keys.ENTER);
            WebElement third = admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-text")));
            admin.waitUpTo(Duration.ofSeconds(5)).until(d -> focused(admin, third) && third.getAttribute("value").startsWith("The third"));
            WebElement toHeading = admin.driver.findElement(By.className("correct-heading-make"));
            for (int i = 0; i < 8 && !focused(admin, toHeading); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            keys.sendKeys(Keys.ENTER).perform();
            admin.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-notice"),
                    "\u00b62 is now the heading"));
            ready(admin);
            assertEquals("The third paragraph goes on with the argument.", admin.driver.findElement(By.cssSelector("article section h2")).getText());
            assertEquals(List.of(), Accessibility.violations(admin.driver));
            admin.driver.findElement(By.cssSelector("button.correct-heading")).sendKeys(Keys.ENTER);
            admin.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            admin.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-notice"),
                    "is now \u00b62."));
            ready(admin);
            assertEquals(2, admin.driver.findElements(By.cssSelector("article .para")).size());
        }
        given().header("Authorization", Tokens.bearer("reviewer1")).queryParam("confirm", "true")
                .delete("/api/documents/" + doc + "/paragraphs/" + paragraphs.get(2)).then().statusCode(403);
    }
}
