package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Reading controls: only my annotations highlighted, and the highlights hidden altogether (remembered on reload). */
@QuarkusTest
class ReadingControlsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReaderShowsOnlyTheirOwnHighlightsOrNone() throws Exception {
        String doc = Documents.importText("Reading Controls\n\nThe first paragraph, annotated by Rita.\n\nThe second paragraph, annotated by Rob.");
        var d = Documents.document(doc);
        List<String> paragraphs = d.getList("sections.paragraphs.flatten().id");
        String[][] who = {{"reviewer1", paragraphs.get(0)}, {"reviewer2", paragraphs.get(1)}};
        for (String[] w : who) {
            given().header("Authorization", Tokens.bearer(w[0])).contentType("application/json")
                    .body(Map.of("paragraphId", w[1], "start", 4, "end", 9, "quote", w[0].equals("reviewer1") ? "first" : "secon",
                            "tags", List.of("neutrality")))
                    .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        }
        try (Browser reader = new Browser()) {
            reader.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            reader.waitUpTo(Duration.ofSeconds(15)).until(x -> x.findElements(By.cssSelector("article mark.hl")).size() == 2);
            new Select(reader.driver.findElement(By.id("filter-author"))).selectByVisibleText("Only mine");
            reader.waitUpTo(Duration.ofSeconds(5)).until(x -> x.findElements(By.cssSelector("article mark.hl")).size() == 1);
            assertEquals(paragraphs.get(0), reader.driver.findElement(By.cssSelector("article mark.hl")).findElement(By.xpath("ancestor::p")).getAttribute("id"));

            reader.driver.findElement(By.id("show-highlights")).click();
            assertEquals("rgba(0, 0, 0, 0)", reader.driver.findElement(By.cssSelector("article mark.hl")).getCssValue("border-bottom-color"),
                    "no highlight drawn");
            assertEquals(List.of(), Accessibility.violations(reader.driver), "the page without highlights");
            reader.driver.navigate().refresh();
            reader.waitUpTo(Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector("article mark.hl")).isEmpty());
            assertEquals(false, reader.driver.findElement(By.id("show-highlights")).isSelected(), "the choice is remembered");
            assertEquals("rgba(0, 0, 0, 0)", reader.driver.findElement(By.cssSelector("article mark.hl")).getCssValue("border-bottom-color"));
        }
    }
}
