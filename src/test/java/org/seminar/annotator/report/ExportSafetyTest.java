package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Exports that other programs open are safe to open: no formulas in spreadsheets, no HTML in Markdown, no borrowed host names. */
@QuarkusTest
class ExportSafetyTest {

    @TestHTTPResource("/")
    URL base;

    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-3+4", "@SUM(A1)", "\tlead", "\rlead");

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        String doc = Documents.importText("=cmd|' /C calc'!A0\n\nThe reviewers wrote formulas as comments.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        for (String comment : FORMULAS) {
            given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                    .body(Map.of("paragraphId", paragraph, "start", 4, "end", 13, "quote", "reviewers", "tags", List.of("neutrality"),
                            "comment", comment))
                    .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        }
        for (String query : List.of("", "?excel=true")) {
            String csv = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.csv" + query)
                    .then().statusCode(200).extract().asString();
            for (String line : csv.split("\r\n")) {
                for (String cell : line.replace("\uFEFF", "").split(",")) {
                    String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                    assertFalse(!bare.isEmpty() && "=+-@\t\r".indexOf(bare.charAt(0)) >= 0, "a cell a spreadsheet would run: " + cell);
                }
            }
            assertTrue(csv.contains("'=cmd|' /C calc'!A0"), "the title is kept, as text");
            assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), csv);
            assertTrue(csv.contains("'@SUM(A1)") && csv.contains("'+1+2") && csv.contains("'-3+4"), csv);
        }
    }

    @Test
    void markdownShowsUserTextAsTextAndJsonLdNamesOnlyThePublicAddress() {
        String doc = Documents.importText("<img src=x onerror=alert(1)> | *Title*\n\nA paragraph for the Markdown report.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 2, "end", 11, "quote", "paragraph", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        String md = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.md")
                .then().statusCode(200).extract().asString();
        assertFalse(md.contains("<img"), md);
        assertTrue(md.startsWith("# Annotation report: &lt;img src=x onerror=alert(1)&gt; \\| \\*Title\\*"), md);

        String jsonLd = given().header("Authorization", Tokens.bearer("reviewer1")).header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").get("/api/documents/" + doc + "/annotations.jsonld")
                .then().statusCode(200).extract().asString();
        assertFalse(jsonLd.contains("evil.example"), jsonLd);
        assertTrue(jsonLd.contains("\"id\":\"http://localhost:" + base.getPort() + "/annotations/" + doc + "/"), jsonLd);
        assertEquals(200, given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report").statusCode());
    }
}
