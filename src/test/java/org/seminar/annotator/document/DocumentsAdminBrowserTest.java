package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** A teacher manages a document in the browser: renames it, assigns it to a group, sets a due date, deletes it after a confirmation with counts. */
@QuarkusTest
class DocumentsAdminBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTeacherRenamesAssignsAndDeletesADocumentWithACountedConfirmation() throws Exception {
        String marker = String.valueOf(System.nanoTime() % 1_000_000);
        String doc = Documents.importText("Test upload " + marker + "\n\nA paragraph for the seminar of group B.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer4")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/documents").toString(), "admin");
            admin.driver.findElement(By.cssSelector("a[href='/documents/" + doc + "/manage']")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("manage-document")));
            assertEquals(List.of(), Accessibility.seriousViolations(admin.driver));
            var title = admin.driver.findElement(By.id("doc-title"));
            title.clear();
            title.sendKeys("Week 3 reading " + marker);
            admin.driver.findElement(By.cssSelector("input[name=groups][value=seminar-b]")).click();
            admin.driver.executeScript("document.getElementById('doc-due').value = '2026-12-18'");
            admin.driver.findElement(By.id("save-document")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "Saved \u201cWeek 3 reading " + marker + "\u201d"));
            String row = admin.driver.findElement(By.xpath("//a[@href='/documents/" + doc + "']/..")).getText();
            assertTrue(row.contains("due 2026-12-18") && row.contains("for seminar-b"), row);
            Path shot = Path.of("target/screenshots/documents-admin.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, admin.driver.getScreenshotAs(OutputType.BYTES));

            List<String> reviewer1 = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents").jsonPath().getList("title");
            assertFalse(reviewer1.contains("Week 3 reading " + marker), "seminar-a does not see seminar-b's document");

            // archive: hidden from the group, kept, marked in the admin's list
            admin.driver.get(new URL(base, "/documents/" + doc + "/manage").toString());
            admin.driver.findElement(By.id("doc-archived")).click();
            admin.driver.findElement(By.id("save-document")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "(archived: hidden from reviewers)"));
            assertTrue(admin.driver.findElement(By.xpath("//a[@href='/documents/" + doc + "']/..")).getText().contains("archived"));
            List<String> reviewer4 = given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/documents").jsonPath().getList("title");
            assertFalse(reviewer4.contains("Week 3 reading " + marker), "archived: gone from the group's list");

            admin.driver.get(new URL(base, "/documents/" + doc + "/manage").toString());
            admin.driver.findElement(By.id("delete-document")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("deletion-summary")));
            assertEquals(List.of(), Accessibility.seriousViolations(admin.driver));
            String summary = admin.driver.findElement(By.id("deletion-summary")).getText();
            assertTrue(summary.contains("1 annotation and 0 replies by 1 reviewer"), summary);
            admin.driver.findElement(By.id("confirm-delete")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "Deleted \u201cWeek 3 reading " + marker + "\u201d with 1 annotation and 0 replies."));
        }
        given().header("Authorization", Tokens.bearer("admin")).get("/api/documents/" + doc).then().statusCode(404);
    }
}
