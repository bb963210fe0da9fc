package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** The report page in Chromium: figures, the strip, the chart, and the CSV download. */
@QuarkusTest
class ReportPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void reviewerOpensTheReportAndDownloadsTheCsv() throws Exception {
        String doc = Documents.importText("Report Page\n\nOne paragraph to tag here.\n\nAnother paragraph to tag.");
        var d = Documents.document(doc);
        List<String> ids = d.getList("sections.paragraphs.flatten().id");
        for (String user : List.of("reviewer1", "reviewer2")) {
            given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                    .body(Map.of("paragraphId", ids.get(0), "start", 0, "end", 3, "quote", "One", "tags", List.of("neutrality"),
                            "comment", "Said by " + user))
                    .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        }
        try (Browser browser = new Browser()) {
            String page = new URL(base, "/documents/" + doc + "/report").toString();
            browser.signIn(page, "reviewer1");
            assertEquals("Seminar group seminar-a", browser.driver.findElement(By.cssSelector(".group-report h2")).getText());
            String neutrality = browser.driver.findElement(By.cssSelector(".tags-table tbody tr")).getText();
            assertTrue(neutrality.startsWith("neutrality 2 1 2 3"), neutrality);
            int tagsInUse = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").jsonPath()
                    .getList("findAll { !it.retired }").size();
            assertEquals(2 * tagsInUse, browser.driver.findElements(By.cssSelector("svg.strip rect")).size(), "2 paragraphs × the tags in use");
            browser.waitUpTo(Duration.ofSeconds(10)).until(dr -> !dr.findElements(By.cssSelector(".chart canvas")).isEmpty());
            // hovering a bar opens the chart's tooltip: that too must draw without breaking the page's CSP
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .moveToElement(browser.driver.findElement(By.cssSelector(".chart canvas")), 0, 20).perform();
            assertEquals(List.of(), browser.cspViolations().stream().limit(2).toList(), "the report page draws without Content-Security-Policy violations");

            // the chart, the strip and the legend use the codebook's colours
            Map<String, String> codebook = new java.util.HashMap<>();
            List<Map<String, Object>> tags = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").jsonPath().getList("$");
            tags.forEach(t -> codebook.put((String) t.get("name"), ((String) t.get("color")).toLowerCase()));
            @SuppressWarnings("unchecked")
            List<String> series = (List<String>) browser.driver.executeScript("const el = document.querySelector('[data-chart]');"
                    + "return window.echarts.getInstanceByDom(el).getOption().series.map(s => s.name + '=' + s.itemStyle.color.toLowerCase());");
            assertTrue(series.size() >= 3, series.toString());
            for (String s : series) {
                String[] nameColor = s.split("=");
                assertEquals(codebook.get(nameColor[0]), nameColor[1], "chart series " + nameColor[0]);
            }
            var chips = browser.driver.findElements(By.cssSelector(".legend .chip"));
            for (var chip : chips) {
                assertEquals(codebook.get(chip.getText().strip()), chip.findElement(By.cssSelector("rect")).getAttribute("fill").toLowerCase(),
                        "legend chip " + chip.getText());
            }
            assertTrue(browser.driver.findElement(By.cssSelector(".strip-axis")).getText().contains("¶ 2"));
            Path shot = Path.of("target/screenshots/report.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));

            browser.driver.findElement(By.id("download-csv")).click();
            Path csv = browser.waitUpTo(Duration.ofSeconds(10)).until(dr -> {
                try (var files = Files.list(browser.downloads)) {
                    return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            String content = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(content.startsWith("document,section,paragraph_id,paragraph_number,start,end,quote,tags,comment,author"), content);
            assertTrue(content.contains("Said by reviewer2"), content);
        }
    }
}
