package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Annotating as people do it, in headless Chromium: select, tag, comment, see; a co-reviewer replies; another group sees nothing. */
@QuarkusTest
class AnnotatingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void reviewerTagsASelectionTheGroupRepliesAndTheOtherGroupSeesNothing() throws Exception {
        String doc = Documents.importText("Browser Reading\n\nSmall states often declare neutrality to stay out of wars between their neighbours.\n\nA second paragraph.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String page = new URL(base, "/documents/" + doc).toString();

        try (Browser rita = new Browser()) {
            rita.signIn(page, "reviewer1");
            awaitReady(rita);
            // select "declare neutrality" (characters 19..37) as a user would with the mouse
            rita.selectWithMouse(paragraph, 19, 37);
            WebElement toolbar = rita.driver.findElement(By.id("toolbar"));
            rita.waitUpTo(Duration.ofSeconds(5)).until(d -> toolbar.isDisplayed());
            assertEquals("“declare neutrality”", toolbar.findElement(By.className("toolbar-quote")).getText());
            rita.driver.switchTo().activeElement().sendKeys("1");
            assertEquals("true", toolbar.findElement(By.cssSelector(".tag-button[data-slug=neutrality]")).getAttribute("aria-pressed"));
            toolbar.findElement(By.tagName("textarea")).sendKeys("Declared, not *practised*?");
            toolbar.findElement(By.tagName("textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            WebElement mark = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#" + paragraph + " mark.hl")));
            assertEquals("declare neutrality", mark.getText());
            assertTrue(mark.getAttribute("title").startsWith("neutrality"), "tag names on hover: " + mark.getAttribute("title"));
            assertTrue(mark.getCssValue("box-shadow").contains("rgb(43, 108, 176)"), "underlined in the codebook's colour");
            String paragraphText = Documents.document(doc).getString("sections[0].paragraphs[0].text");
            assertEquals(paragraphText, rita.driver.findElement(By.cssSelector("#" + paragraph + " .ptext")).getText(),
                    "no word is inserted into the article's text");
            WebElement card = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .card")));
            assertTrue(card.findElement(By.cssSelector(".comment em")).getText().equals("practised"));
            screenshot(rita, "annotating.png");
        }

        try (Browser rob = new Browser()) {
            rob.signIn(page, "reviewer2");
            awaitReady(rob);
            WebElement mark = rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#" + paragraph + " mark.hl")));
            mark.click();
            WebElement card = rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .card")));
            assertTrue(card.getText().contains("Rita Reviewer"));
            card.findElement(By.cssSelector(".reply-form textarea")).sendKeys("Practice matters more than law.");
            card.findElement(By.cssSelector(".reply-form button")).click();
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#panel-list .replies li")).size() == 1);
            assertTrue(rob.driver.findElement(By.cssSelector("#panel-list .replies li")).getText().contains("Practice matters more than law."));
            // his own reply he edits in the page, and it says so
            rob.driver.findElement(By.cssSelector("#panel-list .replies li button[aria-label='Edit your reply']")).click();
            WebElement edit = rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .replies .reply-form textarea")));
            edit.clear();
            edit.sendKeys("Practice matters more than the law.");
            rob.driver.findElement(By.cssSelector("#panel-list .replies .reply-form button[type=submit]")).click();
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .replies li")).getText()
                    .contains("edited"));
        }

        try (Browser ravi = new Browser()) {
            ravi.signIn(page, "reviewer4");
            awaitReady(ravi);
            assertEquals(0, ravi.driver.findElements(By.cssSelector("mark.hl")).size());
            assertEquals("No annotations match.", ravi.driver.findElement(By.cssSelector("#document-items .empty")).getText());
        }
    }

    private static void awaitReady(Browser browser) {
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
