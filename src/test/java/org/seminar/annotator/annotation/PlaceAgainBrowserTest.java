package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** After a correction lost its passage, the author finds the annotation marked, with its old text, and places it again by selecting. */
@QuarkusTest
class PlaceAgainBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theAuthorSeesWhatNeedsAttentionAndPlacesItAgainBySelecting() throws Exception {
        String text = "Neutrality was declared in 1994. A sentence the editor will remove. Autonomy is claimed today.";
        String doc = Documents.importText("Place again " + System.nanoTime() + "\n\n" + text);
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        int at = text.indexOf("A sentence the editor will remove.");
        String id = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", at, "end", at + 34, "quote", "A sentence the editor will remove.",
                        "tags", List.of("neutrality"), "comment", "Kept through the correction"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        String corrected = "Neutrality was declared in 1994. Autonomy is claimed today.";
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("text", corrected))
                .put("/api/documents/" + doc + "/paragraphs/" + paragraph).then().statusCode(200);

        try (Browser rita = new Browser()) {
            rita.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            rita.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            assertTrue(rita.driver.findElement(By.id("doc-status")).getText().contains("The text was corrected on"));
            assertEquals(corrected, rita.driver.findElement(By.cssSelector("#" + paragraph + " .ptext")).getText());
            assertTrue(rita.driver.findElements(By.cssSelector("#" + paragraph + " mark.hl")).isEmpty(), "nothing highlighted for it");
            WebElement item = rita.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.cssSelector("#document-items li[data-annotation-id='" + id + "']")));
            assertTrue(item.getText().contains("needs attention"), item.getText());
            item.findElement(By.cssSelector("button")).click();
            WebElement card = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .card.needs-attention")));
            assertTrue(card.getText().contains("A sentence the editor will remove."), "the old text is shown: " + card.getText());
            assertEquals(List.of(), Accessibility.seriousViolations(rita.driver));
            card.findElement(By.cssSelector("button.place-again")).click();
            rita.selectWithMouse(paragraph, 33, 59);
            WebElement mark = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#" + paragraph + " mark.hl")));
            assertEquals("Autonomy is claimed today.", mark.getText());
        }
        var placed = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + id).jsonPath();
        assertEquals("exact", placed.getString("anchor"));
        assertEquals("Autonomy is claimed today.", placed.getString("quote"));
        assertEquals("Kept through the correction", placed.getString("comment"));
    }
}
