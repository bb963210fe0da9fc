package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.account.Csv;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The report on a small seeded document with hand-computed expectations. Seminar-a: reviewer1 tags
 * neutrality in paragraphs 1 and 2 and non-alignment in 3; reviewer2 neutrality in 1 (overlapping
 * reviewer1's range) and non-alignment in 3; reviewer3 neutrality in 4. Reviewer4 (seminar-b) tags
 * paragraph 1, which must not count for seminar-a.
 */
@QuarkusTest
class ReportApiTest {

    String doc;
    List<String> p;

    @BeforeEach
    void seed() {
        doc = Documents.importText("Report Seed\n\nFirst paragraph, long enough to tag.\n\nSecond paragraph, also long.\n\n"
                        + "Third paragraph with words.\n\nFourth paragraph at the end.");
        JsonPath d = Documents.document(doc);
        p = d.getList("sections.paragraphs.flatten().id");
        List<String> texts = d.getList("sections.paragraphs.flatten().text");
        annotate("reviewer1", 0, 0, 10, texts, "neutrality", null);
        annotate("reviewer1", 1, 0, 5, texts, "neutrality", null);
        annotate("reviewer1", 2, 0, 5, texts, "non-alignment", null);
        annotate("reviewer2", 0, 5, 15, texts, "neutrality", null);
        annotate("reviewer2", 2, 2, 8, texts, "non-alignment", null);
        annotate("reviewer3", 3, 0, 4, texts, "neutrality", "He said \"no\", then:\nleft.");
        annotate("reviewer4", 0, 0, 10, texts, "neutrality", null);
    }

    void annotate(String user, int paragraph, int start, int end, List<String> texts, String tag, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("paragraphId", p.get(paragraph), "start", start, "end", end,
                "quote", texts.get(paragraph).substring(start, end), "tags", List.of(tag)));
        if (comment != null) {
            body.put("comment", comment);
        }
        given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
    }

    JsonPath report(String user, String query) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/documents/" + doc + "/report" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void countsCoverageAndAgreementMatchTheHandComputation() {
        JsonPath r = report("reviewer1", "");
        assertEquals("seminar-a", r.getString("group"));
        assertEquals(List.of("reviewer1", "reviewer2", "reviewer3"), r.getList("reviewers.username"));
        assertEquals(List.of(3, 2, 1), r.getList("reviewers.annotations"));
        assertEquals(Map.of("neutrality", 2, "non-alignment", 1), r.getMap("reviewers[0].byTag"));
        assertEquals(4, r.getInt("tags.find { it.slug == 'neutrality' }.annotations"));
        assertEquals(3, r.getInt("tags.find { it.slug == 'neutrality' }.paragraphs"));
        assertEquals(3, r.getInt("tags.find { it.slug == 'neutrality' }.reviewers"));
        assertEquals(15 + 5 + 4, r.getInt("tags.find { it.slug == 'neutrality' }.characters"), "union of ranges, not their sum");
        assertEquals(8, r.getInt("tags.find { it.slug == 'non-alignment' }.characters"));
        assertEquals(2, r.getInt("tags.find { it.slug == 'non-alignment' }.reviewers"));
        assertEquals(Map.of("neutrality", 2), r.getMap("paragraphs[0].byTag"));
        assertEquals(4, r.getList("paragraphs").size());

        assertEquals("paragraph", r.getString("agreement.unit"));
        assertEquals(List.of("reviewer1", "reviewer2", "reviewer3"), r.getList("agreement.coders"));
        // neutrality: o11=1, o10=o01=3, o00=5, n=12 -> alpha = 1 - 11*6/(2*4*8) = -0.03125
        assertEquals(-0.03125, r.getDouble("agreement.byTag.neutrality.krippendorffAlpha"), 1e-4);
        // Fleiss: P = 0.5, Pe = 5/9 -> -0.125
        assertEquals(-0.125, r.getDouble("agreement.byTag.neutrality.fleissKappa"), 1e-4);
        // non-alignment: alpha = 1 - 11*2/(2*2*10) = 0.45; Fleiss = 0.4
        assertEquals(0.45, r.getDouble("agreement.byTag.non-alignment.krippendorffAlpha"), 1e-4);
        assertEquals(0.4, r.getDouble("agreement.byTag.non-alignment.fleissKappa"), 1e-4);
        // Cohen, reviewer1 vs reviewer2 on neutrality: po = 3/4, pe = 1/2 -> 0.5
        assertEquals(0.5, r.getDouble("agreement.pairwise.find { it.a == 'reviewer1' && it.b == 'reviewer2' }.byTag.neutrality"), 1e-4);
        List<String> notAnnotated = r.getList("notAnnotated");
        assertTrue(notAnnotated.stream().noneMatch(List.of("reviewer1", "reviewer2", "reviewer3")::contains),
                "members who annotated are not listed as missing: " + notAnnotated);
    }

    @Test
    void finishedReviewersBecomeTheCodersAndUndoingItRestoresTheAnnotators() {
        for (String user : List.of("reviewer1", "reviewer2")) {
            given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(Map.of("finished", true))
                    .put("/api/documents/" + doc + "/finished").then().statusCode(200).body("group", equalTo("seminar-a"));
        }
        JsonPath r = report("reviewer3", "");
        assertEquals(List.of("reviewer1", "reviewer2"), r.getList("agreement.coders"));
        assertEquals(List.of(true, true, false), r.getList("reviewers.finished"));
        // two coders: alpha = 1 - 7*2/(2*3*5) = 0.5333
        assertEquals(0.5333, r.getDouble("agreement.byTag.neutrality.krippendorffAlpha"), 1e-4);
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("group", "seminar-a", "finished", false)).put("/api/documents/" + doc + "/finished").then().statusCode(200);
        assertEquals(List.of("reviewer1"), report("reviewer3", "").getList("agreement.coders"));
        assertNull(report("reviewer3", "").get("agreement.byTag.neutrality.krippendorffAlpha"), "one coder: undefined");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("group", "seminar-b", "finished", true)).put("/api/documents/" + doc + "/finished")
                .then().statusCode(400).body("errors[0].field", equalTo("group"));
    }

    @Test
    void filtersAndGroupsAndWhoMaySeeWhich() {
        JsonPath byTag = report("reviewer1", "?tag=non-alignment");
        assertEquals(List.of("non-alignment"), byTag.getList("tags.slug"));
        assertEquals(List.of(1, 1), byTag.getList("reviewers.annotations"));
        JsonPath byAuthor = report("reviewer1", "?author=reviewer2");
        assertEquals(List.of("reviewer2"), byAuthor.getList("reviewers.username"));
        JsonPath b = report("reviewer4", "?group=seminar-b");
        assertEquals(List.of("reviewer4"), b.getList("reviewers.username"));
        given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/documents/" + doc + "/report?group=seminar-a")
                .then().statusCode(403).contentType("application/problem+json");
        JsonPath all = report("admin", "");
        assertEquals(List.of("seminar-a", "seminar-b"), all.getList("groups.group"));
        given().get("/api/documents/" + doc + "/report").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/nope/report").then().statusCode(404);
    }

    @Test
    void csvIsRfc4180AndRoundTripsQuotesCommasAndLineBreaks() {
        String csv = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(ReportExports.CSV_HEADER, rows.get(0));
        assertEquals(7, rows.size(), "header and six seminar-a annotations");
        List<String> commented = rows.stream().filter(r -> r.get(9).equals("reviewer3")).findFirst().orElseThrow();
        assertEquals("He said \"no\", then:\nleft.", commented.get(8));
        assertEquals("neutrality", commented.get(7));
        assertEquals("neutrality", commented.get(ReportExports.CSV_HEADER.indexOf("tag_slugs")));
        assertTrue(commented.get(ReportExports.CSV_HEADER.indexOf("annotation_id")).matches("[a-z0-9]{8,32}"), "the annotation's id");
        assertTrue(commented.get(ReportExports.CSV_HEADER.indexOf("tag_colors")).matches("#[0-9a-fA-F]{3,6}"), "the codebook colour");

        assertEquals("4", commented.get(3));
        assertTrue(csv.contains("\r\n"));
        assertEquals("Rosa Critic", commented.get(ReportExports.CSV_HEADER.indexOf("author_name")), "display names beside usernames");
        for (String kind : List.of("report.csv", "report.csv?excel=true", "report.md", "annotations.jsonld", "report", "export.qdpx")) {
            String disposition = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/" + kind)
                    .then().statusCode(200).extract().header("Content-Disposition");
            assertTrue(disposition != null && disposition.matches("attachment; filename=\"[a-z0-9-]+_seminar-a_(annotations|report)_"
                    + "\\d{4}-\\d\\d-\\d\\d(-excel)?\\.(csv|md|jsonld|json|qdpx)\""), kind + ": " + disposition);
        }
        byte[] excel = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.csv?excel=true")
                .then().statusCode(200).extract().asByteArray();
        assertEquals("\uFEFF", new String(excel, StandardCharsets.UTF_8).substring(0, 1), "byte-order mark for spreadsheets");
    }

    @Test
    void theCsvNamesTagsAsTheCodebookDoesWithSlugsAndColoursBeside() {
        String d = Documents.importText("Tag names in CSV\n\nA passage on strategic autonomy and neutrality.");
        String para = Documents.document(d).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", para, "start", 13, "end", 31, "quote", "strategic autonomy",
                        "tags", List.of("strategic-autonomy", "neutrality")))
                .post("/api/documents/" + d + "/annotations").then().statusCode(201);
        List<List<String>> rows = Csv.parse(given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents/" + d + "/report.csv").then().statusCode(200).extract().asString());
        List<String> row = rows.get(1);
        assertEquals("neutrality;strategic autonomy", row.get(ReportExports.CSV_HEADER.indexOf("tags")), "names, as the pages show them");
        assertEquals("neutrality;strategic-autonomy", row.get(ReportExports.CSV_HEADER.indexOf("tag_slugs")));
        assertTrue(row.get(ReportExports.CSV_HEADER.indexOf("tag_colors")).matches("#[0-9a-fA-F]{3,6};#[0-9a-fA-F]{3,6}"), row.toString());
    }

    @Test
    void theCsvCarriesTheRepliesTextsOnePerLineInOneCell() {
        String d = Documents.importText("Replies in CSV\n\nA passage the seminar discussed at length.");
        String p = Documents.document(d).getString("sections[0].paragraphs[0].id");
        String id = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", p, "start", 2, "end", 9, "quote", "passage", "tags", List.of("neutrality")))
                .post("/api/documents/" + d + "/annotations").then().statusCode(201).extract().path("id");
        for (String[] reply : new String[][] {{"reviewer2", "I agree, \"strongly\"."}, {"reviewer3", "=Not so sure"}}) {
            given().header("Authorization", Tokens.bearer(reply[0])).contentType("application/json").body(Map.of("comment", reply[1]))
                    .post("/api/annotations/" + id + "/replies").then().statusCode(201);
        }
        List<List<String>> rows = Csv.parse(given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + d + "/report.csv")
                .then().statusCode(200).extract().asString());
        assertEquals("Rob Reader: I agree, \"strongly\".\nRosa Critic: =Not so sure",
                rows.get(1).get(ReportExports.CSV_HEADER.indexOf("reply_texts")));
        assertEquals("2", rows.get(1).get(ReportExports.CSV_HEADER.indexOf("replies")));
    }

    @Test
    void markdownSummaryIsReadyToPaste() {
        String md = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.md")
                .then().statusCode(200).extract().asString();
        assertTrue(md.startsWith("# Annotation report: Report Seed"), md);
        assertTrue(md.contains("| neutrality | 4 | 3 | 3 | 24 |"), md);
    }
}
