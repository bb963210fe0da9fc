package org.seminar.annotator.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.document.parse.PdfArticleReaderTest;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Admin actions the log used to miss: blind mode on and off, PDF and text imports (tag retirements: CodebookEditorTest). */
@QuarkusTest
class AdminLogCoverageTest {

    static List<Map<String, Object>> entries(String action) {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("action", action).get("/api/admin/log").then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    static void blind(String doc, boolean on) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", on))
                .put("/api/documents/" + doc + "/blind").then().statusCode(200);
    }

    @Test
    void blindModeOnAndOffIsLoggedOncePerSwitch() {
        String title = "Blind log " + System.nanoTime() % 1_000_000;
        String doc = Documents.importText(title + "\n\nA paragraph read blind.");
        int before = entries("blind-mode").size();
        blind(doc, true);
        blind(doc, true); // already on: nothing switched, nothing logged
        blind(doc, false);
        List<Map<String, Object>> after = entries("blind-mode");
        assertEquals(Math.min(100, before + 2), after.size(), after.toString());
        assertEquals("Ada Admin turned blind mode off for seminar-a in the document \u201c" + title + "\u201d", after.get(0).get("sentence"));
        assertEquals("Ada Admin turned blind mode on for seminar-a in the document \u201c" + title + "\u201d", after.get(1).get("sentence"));
        assertEquals("admin", after.get(0).get("actor"));
    }

    @Test
    void pdfAndTextImportsAreLoggedWithWhatTheyHold() {
        String id = given().header("Authorization", Tokens.bearer("admin")).contentType("application/pdf")
                .body(PdfArticleReaderTest.article(1).render()).post("/api/documents").then().statusCode(201).extract().path("id");
        Map<String, Object> pdf = entries("pdf-import").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) pdf.get("details");
        assertEquals(id, details.get("id"));
        String sentence = (String) pdf.get("sentence");
        assertTrue(sentence.startsWith("Ada Admin imported the PDF \u201c" + PdfArticleReaderTest.TITLE + "\u201d (")
                && sentence.endsWith("), a draft until published"), sentence);

        String title = "Text log " + System.nanoTime() % 1_000_000;
        Documents.importText(title + "\n\nOne paragraph.\n\nAnd another.");
        assertEquals("Ada Admin imported the document \u201c" + title + "\u201d (2 paragraphs)", entries("document-import").get(0).get("sentence"));
    }
}
