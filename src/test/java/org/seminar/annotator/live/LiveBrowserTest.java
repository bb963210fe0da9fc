package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Two signed-in browsers on one document: what one creates appears in the other without a reload. */
@QuarkusTest
class LiveBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAnnotationMadeInOneBrowserAppearsInTheOtherWithoutAReload() throws Exception {
        String doc = Documents.importText("Live Reading\n\nNeutral states stay out of alliances.\n\nA second paragraph.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String page = new URL(base, "/documents/" + doc).toString();
        try (Browser rita = new Browser(); Browser rob = new Browser()) {
            rob.signIn(page, "reviewer2");
            rob.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-live")));
            rob.driver.executeScript("window.marker = 'not reloaded';");

            rita.signIn(page, "reviewer1");
            rita.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            rita.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
            WebElement toolbar = rita.driver.findElement(By.id("toolbar"));
            rita.waitUpTo(Duration.ofSeconds(5)).until(d -> toolbar.isDisplayed());
            rita.driver.switchTo().activeElement().sendKeys("1");
            toolbar.findElement(By.tagName("textarea")).sendKeys("Whole paragraph.", Keys.chord(Keys.CONTROL, Keys.ENTER));
            rita.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#" + paragraph + " mark.hl")).isEmpty());

            WebElement mark = rob.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> d.findElements(By.cssSelector("#" + paragraph + " mark.hl")).stream().findFirst().orElse(null));
            assertEquals("Neutral states stay out of alliances.", mark.getText());
            assertEquals("not reloaded", rob.driver.executeScript("return window.marker;"), "the page was not reloaded");
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("presence")).getText().contains("Rita Reviewer"));
            WebElement notice = rob.driver.findElement(By.id("live-notice"));
            assertTrue(notice.getText().contains("New annotation in paragraph 1 by Rita Reviewer"), notice.getText());
        }
    }
}
