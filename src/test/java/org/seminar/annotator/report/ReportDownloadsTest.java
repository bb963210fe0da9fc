package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.account.Csv;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Downloads ready to hand in: named by their filters, Markdown with the quotes and the discussion, times local at seconds. */
@QuarkusTest
class ReportDownloadsTest {

    String doc;

    @BeforeEach
    void seed() {
        doc = Documents.importText("Handing In\n\nThe first passage on neutrality and its limits.\n\nA second passage on alignment.");
        String p = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String id = given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("paragraphId", p, "start", 4, "end", 17, "quote", "first passage", "tags", List.of("neutrality"),
                        "comment", "This is where the argument turns."))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("comment", "Agreed, and it turns twice."))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", p, "start", 0, "end", 3, "quote", "The", "tags", List.of("non-alignment")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
    }

    private String disposition(String query) {
        return given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/" + query)
                .then().statusCode(200).extract().header("Content-Disposition");
    }

    @Test
    void aDownloadFilteredToOneReviewerOrTagCarriesTheFilterInItsName() {
        String date = "\\d{4}-\\d\\d-\\d\\d";
        assertTrue(disposition("report.csv").matches("attachment; filename=\"handing_seminar-a_annotations_" + date + "\\.csv\""),
                disposition("report.csv"));
        for (String kind : List.of("report.csv", "report.md", "annotations.jsonld", "export.qdpx", "report")) {
            String named = disposition(kind + "?author=reviewer2");
            assertTrue(named.matches("attachment; filename=\"handing_seminar-a_by-reviewer2_(annotations|report)_" + date
                    + "\\.(csv|md|jsonld|qdpx|json)\""), kind + ": " + named);
        }
        String both = disposition("report.csv?author=reviewer2&tag=neutrality&excel=true");
        assertTrue(both.matches("attachment; filename=\"handing_seminar-a_by-reviewer2_tag-neutrality_annotations_" + date
                + "-excel\\.csv\""), both);
        assertTrue(disposition("report.md?group=seminar-a&tag=non-alignment")
                .matches("attachment; filename=\"handing_seminar-a_tag-non-alignment_report_" + date + "\\.md\""));
    }

    @Test
    void theMarkdownHoldsEachQuoteWithItsCommentAndReplies() {
        String md = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.md")
                .then().statusCode(200).extract().asString();
        assertTrue(md.contains("### Annotations (2)"), md);
        assertTrue(md.contains("> first passage\n"), md);
        assertTrue(md.contains("This is where the argument turns."), md);
        assertTrue(md.matches("(?s).*- \\*\\*[^*]+\\*\\* \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\): Agreed, and it turns twice\\..*"), md);
        assertTrue(md.indexOf("first passage") < md.indexOf("Agreed, and it turns twice."), "the reply follows its annotation");
        assertTrue(md.contains("Times are given in UTC."), md);
        String one = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.md?author=reviewer1")
                .then().statusCode(200).extract().asString();
        assertFalse(one.contains("> first passage"), "the reviewer filter holds for the annotations too");
        assertTrue(one.contains("> The\n"), one);
    }

    @Test
    void timesAreAtWholeSecondsInUtcOrInTheZoneAsked() {
        List<List<String>> utc = Csv.parse(given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents/" + doc + "/report.csv").then().statusCode(200).extract().asString());
        int created = ReportExports.CSV_HEADER.indexOf("created");
        int updated = ReportExports.CSV_HEADER.indexOf("updated");
        String utcTime = utc.get(1).get(created);
        assertTrue(utcTime.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "UTC at seconds: " + utcTime);
        assertTrue(utc.get(1).get(updated).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), utc.get(1).get(updated));
        assertEquals(ReportExports.CSV_HEADER, utc.get(0), "the columns stay as they were");

        List<List<String>> tokyo = Csv.parse(given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents/" + doc + "/report.csv?tz=Asia/Tokyo").then().statusCode(200).extract().asString());
        String local = tokyo.get(1).get(created);
        assertTrue(local.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00"), "Tokyo time at seconds: " + local);
        assertEquals(OffsetDateTime.parse(utcTime).toInstant(), OffsetDateTime.parse(local).toInstant(), "the same moment");

        String md = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.md?tz=Asia/Tokyo")
                .then().statusCode(200).extract().asString();
        assertTrue(md.contains("Times are given in Asia/Tokyo."), md);
        String tokyoReadable = local.substring(0, 19).replace('T', ' ');
        assertTrue(md.contains(tokyoReadable), tokyoReadable + " in " + md);

        for (String file : List.of("report.csv", "report.md")) {
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/" + file + "?tz=Mars/Olympus")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("tz"));
        }
    }
}
