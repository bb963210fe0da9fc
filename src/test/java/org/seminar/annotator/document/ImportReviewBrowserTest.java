package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.JournalPdf;
import org.seminar.annotator.support.Tokens;

/**
 * A teacher imports a journal PDF, checks it on its review page beside the page images (no axe-core violation, usable
 * at phone width), joins two paragraphs a page break cut, makes a heading of a line set as body text, drops a
 * running head the reader kept, publishes, and a reviewer then reads the fixed text.
 */
@QuarkusTest
class ImportReviewBrowserTest {

    static final String HEAD = "Seminar Press Reprint.";
    static final String FIRST_HALF = "The argument of this article begins with a claim about small states and the room they keep "
            + "for themselves between larger neighbours, a claim that the page break cut short and that the";
    static final String SECOND_HALF = "review joins again, so that the seminar reads one paragraph where the import saw two.";
    static final String HEADING = "A Heading Set as Body Text.";

    @TestHTTPResource("/")
    URL base;

    static JournalPdf article(String title) {
        String body = "Neutrality in law binds a state in advance: it cannot host foreign troops, it cannot join an alliance, and "
                + "it must defend its own territory against anyone who would use it. The obligations are clear and credible.";
        return new JournalPdf().columns(1).title(title).authors("Ann Author and Ben Writer")
                .abstractText("A short article for checking an import before the seminar reads it.")
                .keywords("neutrality, review")
                .section("Introduction", FIRST_HALF, SECOND_HALF, HEAD, body)
                .section("The Law", body, HEADING, body.replace("Neutrality in law", "Neutrality by treaty"), HEAD, body);
    }

    @Test
    void aTeacherChecksFixesAndPublishesAPdfImportAndAReviewerThenReadsIt() throws Exception {
        String title = "Reviewed Before Reading " + System.nanoTime() % 1_000_000;
        Path file = Files.createTempFile("review-article", ".pdf");
        Files.write(file, article(title).render());
        String doc;
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/documents").toString(), "admin");
            admin.driver.findElement(By.id("file")).sendKeys(file.toString());
            admin.driver.findElement(By.cssSelector("section.import button[type=submit]")).click();
            admin.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-review")));
            String url = admin.driver.getCurrentUrl();
            assertTrue(url.endsWith("/review"), url);
            doc = url.replaceAll(".*/documents/([^/]+)/review$", "$1");
            assertTrue(admin.driver.findElement(By.id("review-status")).getText().contains("Draft"));
            String counts = admin.driver.findElement(By.id("review-counts")).getText();
            assertTrue(counts.matches("\\d+ paragraphs, 0 footnotes, \\d+ lines? dropped, 1 page"), counts);
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc).then().statusCode(404);

            // the first page image is drawn and shown beside the blocks
            admin.waitUpTo(Duration.ofSeconds(20)).until(d -> (Boolean) admin.driver.executeScript(
                    "const i = document.querySelector('#page-1 img'); return i.complete && i.naturalWidth > 0;"));
            assertEquals("lazy", admin.driver.findElement(By.cssSelector("#page-1 img")).getAttribute("loading"));
            assertEquals(List.of(), Accessibility.violations(admin.driver));
            shot(admin, "import-review.png");
            admin.driver.executeScript("document.getElementById('blocks').scrollIntoView()");
            shot(admin, "import-review-blocks.png");

            block(admin, FIRST_HALF.substring(0, 40)).findElement(By.cssSelector("form.join button")).click();
            flash(admin, "Joined");
            // by keyboard: focus the button and press Enter
            WebElement makeHeading = block(admin, HEADING).findElement(By.cssSelector("form.heading button"));
            makeHeading.sendKeys(Keys.ENTER);
            flash(admin, "is now the heading");
            block(admin, HEAD).findElement(By.cssSelector("form.running-head button")).click();
            flash(admin, "Dropped \u201c" + HEAD + "\u201d everywhere: ");
            String dropped = admin.driver.findElement(By.id("dropped")).getText();
            assertTrue(dropped.contains("Running heads") && dropped.contains(HEAD), dropped);
            assertEquals(List.of(), Accessibility.violations(admin.driver));

            admin.driver.findElement(By.id("publish")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "Published \u201c" + title + "\u201d"));
            assertFalse(admin.driver.findElement(By.xpath("//a[@href='/documents/" + doc + "']/..")).getText().contains("Draft"));
        } finally {
            Files.deleteIfExists(file);
        }
        try (Browser phone = Browser.phone()) {
            phone.signIn(new URL(base, "/documents/" + doc + "/review").toString(), "admin");
            boolean fits = (Boolean) phone.driver.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
            assertTrue(fits, "the review page fits a phone's width");
            assertEquals(List.of(), Accessibility.violations(phone.driver));
            shot(phone, "import-review-phone.png");
        }

        JsonPath read = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(title, read.getString("title"));
        List<String> texts = read.getList("sections.paragraphs.flatten().text");
        assertTrue(texts.stream().anyMatch(t -> t.contains(FIRST_HALF + " " + SECOND_HALF)), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.contains(HEAD)), "the running head is gone: " + texts);
        assertTrue(read.getList("sections.heading").contains(HEADING), read.getList("sections.heading").toString());
        List<String> mine = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents").jsonPath().getList("id");
        assertTrue(mine.contains(doc));
    }

    static WebElement block(Browser b, String startOfText) {
        return b.driver.findElements(By.cssSelector("li.block")).stream()
                .filter(li -> li.findElement(By.className("block-text")).getText().startsWith(startOfText)).findFirst()
                .orElseThrow(() -> new AssertionError("no block starts with " + startOfText));
    }

    static void flash(Browser b, String text) {
        b.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"), text));
    }

    static void shot(Browser b, String name) throws java.io.IOException {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, b.driver.getScreenshotAs(OutputType.BYTES));
    }
}
