package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.seminar.annotator.document.parse.PdfArticleReaderTest;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.JournalPdf;
import org.seminar.annotator.support.Tokens;

/** A teacher imports a journal PDF through the API and the import form; broken, encrypted and scanned PDFs are refused. */
@QuarkusTest
class PdfImportTest {

    @TestHTTPResource("/")
    URL base;

    private static io.restassured.response.Response postPdf(String user, byte[] pdf) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/pdf").body(pdf).post("/api/documents");
    }

    @Test
    void aJournalPdfBecomesADocumentWithPagesFootnotesAndFrontMatter() {
        JournalPdf pdf = PdfArticleReaderTest.article(2);
        String id = postPdf("admin", pdf.render()).then().statusCode(201).header("Location", containsString("/api/documents/"))
                .extract().path("id");
        // a draft until the teacher has checked it: admins only
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("admin")).post("/api/documents/" + id + "/review/publish").then().statusCode(200);
        JsonPath doc = Documents.document(id);
        assertEquals(PdfArticleReaderTest.TITLE, doc.getString("title"));
        assertEquals(List.of("Ann Author", "Ben Writer"), doc.getList("authors"));
        assertEquals(List.of("neutrality", "non-alignment", "strategic autonomy"), doc.getList("keywords"));
        assertEquals(List.of("Introduction", "Neutrality by Law", "Strategic Autonomy"), doc.getList("sections.heading"));
        assertEquals(List.of(1, 1, 1), doc.getList("sections[0].paragraphs.page"));
        assertEquals(List.of("1", "2", "3"), doc.getList("footnotes.label"));
        assertEquals(PdfArticleReaderTest.NOTE_2, doc.getString("footnotes[1].text"), "the note that ran over to the next page is whole");
        List<Integer> pages = doc.getList("sections.paragraphs.flatten().page");
        assertTrue(pages.contains(2), "paragraphs on page 2: " + pages);
        assertEquals("non-alignment", doc.getString("sections[0].paragraphs[2].text").substring(19, 32));

        // an ordinary document: reviewers annotate it
        String paragraph = doc.getString("sections[1].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 10, "quote", "Neutrality", "tags", List.of("neutrality")))
                .post("/api/documents/" + id + "/annotations").then().statusCode(201);
    }

    @Test
    void brokenEncryptedAndScannedPdfsAreRefusedAndNothingIsStored() {
        int before = given().header("Authorization", Tokens.bearer("admin")).get("/api/documents").jsonPath().getList("id").size();
        byte[] whole = PdfArticleReaderTest.article(1).render();
        Map<String, byte[]> refused = Map.of(
                "encrypted with a password", PdfArticleReaderTest.article(1).render("seminar"),
                "this PDF has no text (it is a scan or a picture of text)", JournalPdf.imageOnly(), // read with OCR: no text there either
                "cut short", Arrays.copyOf(whole, whole.length / 2),
                "is not a PDF", "Title\n\nA text sent as a PDF.".getBytes());
        refused.forEach((reason, bytes) -> postPdf("admin", bytes).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString(reason)));
        postPdf("admin", new byte[0]).then().statusCode(400).body("errors[0].field", equalTo("body"));
        postPdf("reviewer1", whole).then().statusCode(403);
        given().contentType("application/pdf").body(whole).post("/api/documents").then().statusCode(401);
        assertEquals(before, given().header("Authorization", Tokens.bearer("admin")).get("/api/documents").jsonPath().getList("id").size(),
                "nothing stored");
    }

    @Test
    void aTeacherUploadsAPdfThroughTheFormAndReadersSeeWhichPageEachParagraphStartsOn() throws Exception {
        Path file = Files.createTempFile("journal-article", ".pdf");
        Files.write(file, PdfArticleReaderTest.article(1).render());
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/documents").toString(), "admin");
            admin.driver.findElement(By.id("file")).sendKeys(file.toString());
            admin.driver.findElement(By.cssSelector("section.import button[type=submit]")).click();
            // the import lands on its review page; the reading page shows the pages too
            admin.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-review")));
            admin.driver.findElement(By.linkText("Read it")).click();
            admin.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".para .pagemark")));
            List<String> marks = admin.driver.findElements(By.cssSelector(".para .pagemark")).stream().map(e -> e.getText()).toList();
            assertEquals("p. 1", marks.get(0).replace('\u00A0', ' '));
            assertTrue(marks.stream().anyMatch(m -> m.replace('\u00A0', ' ').equals("p. 2")), marks.toString());
            String title = admin.driver.findElement(By.cssSelector("h1")).getText();
            assertEquals(PdfArticleReaderTest.TITLE, title);
            assertEquals(List.of(), Accessibility.seriousViolations(admin.driver));
            Path shot = Path.of("target/screenshots/pdf-import.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, admin.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
