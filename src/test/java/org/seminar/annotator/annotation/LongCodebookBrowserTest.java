package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * A codebook of more than nine tags still fits the tagging box: the buttons scroll in their own row and Save stays on
 * screen, a search field narrows the tags, Enter there takes the first one shown, and the number keys count the tags
 * shown. The tags made here are retired at the end.
 */
@QuarkusTest
class LongCodebookBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLongCodebookCanBeSearchedAndSaveStaysInView() throws Exception {
        String run = Long.toString(System.nanoTime() % 100000, 36);
        List<String> slugs = new ArrayList<>();
        String[] names = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"};
        for (String name : names) {
            slugs.add(given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                    .body(Map.of("name", name + " " + run, "color", "#1f5fa8", "description", "A reading called " + name))
                    .post("/api/tags").then().statusCode(201).extract().<String>path("slug"));
        }
        try {
            String doc = Documents.importText("Long Codebook\n\nA paragraph to tag with one of many tags in the codebook.");
            String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
            try (Browser reader = new Browser()) {
                reader.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 720));
                reader.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
                reader.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
                reader.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
                WebElement toolbar = reader.driver.findElement(By.id("toolbar"));
                reader.waitUpTo(Duration.ofSeconds(5)).until(d -> toolbar.isDisplayed());
                assertTrue(toolbar.findElements(By.cssSelector(".tag-button")).size() >= 13);
                WebElement save = toolbar.findElement(By.cssSelector(".toolbar-save"));
                Number bottom = (Number) reader.driver.executeScript("return arguments[0].getBoundingClientRect().bottom", save);
                Number height = (Number) reader.driver.executeScript("return window.innerHeight");
                assertTrue(bottom.doubleValue() <= height.doubleValue(), "Save in view: " + bottom + " of " + height);
                assertEquals(List.of(), Accessibility.violations(reader.driver), "the tagging box of a long codebook");

                WebElement search = toolbar.findElement(By.cssSelector(".tag-search-input"));
                search.sendKeys("zeta " + run);
                List<WebElement> shown = toolbar.findElements(By.cssSelector(".tag-button")).stream().filter(WebElement::isDisplayed).toList();
                assertEquals(1, shown.size(), "the search narrows the tags");
                assertEquals("1", shown.get(0).findElement(By.tagName("kbd")).getText(), "the number keys count the tags shown");
                search.sendKeys(Keys.ENTER);
                assertEquals("true", shown.get(0).getAttribute("aria-pressed"), "Enter takes the first tag shown");
                save.click();
                reader.waitUpTo(Duration.ofSeconds(10)).until(d -> !toolbar.isDisplayed());
            }
            List<List<String>> tags = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations")
                    .then().statusCode(200).extract().path("tags");
            assertEquals(List.of(List.of(slugs.get(5))), tags, "the annotation carries the tag found by the search");
        } finally {
            for (String slug : slugs) {
                given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                        .put("/api/tags/" + slug).then().statusCode(200);
            }
        }
    }
}
