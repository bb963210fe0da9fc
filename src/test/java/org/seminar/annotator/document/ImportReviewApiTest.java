package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.document.parse.ParsedArticle.BlockKind;
import org.seminar.annotator.document.parse.ParsedArticle.DropReason;
import org.seminar.annotator.document.parse.PdfArticleReaderTest;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The import review through its JSON API: a PDF import is a draft only admins see until it is published; each fix
 * (join, split, heading, heading back to paragraph, footnote, running head dropped everywhere, title and authors)
 * does what it says, refuses bad input with a problem naming the field and changes nothing then; after publishing,
 * join and split keep annotations on their text.
 */
@QuarkusTest
class ImportReviewApiTest {

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static JsonPath review(String doc) {
        return as("admin").get("/api/documents/" + doc + "/review").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath fix(String doc, String path, Object body) {
        RequestSpecification request = as("admin").contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/documents/" + doc + "/review/" + path).then().statusCode(200).extract().jsonPath();
    }

    static List<String> texts(String doc) {
        return review(doc).getList("sections.blocks.flatten().text");
    }

    static String idOf(String doc, int number) {
        List<Map<String, Object>> blocks = review(doc).getList("sections.blocks.flatten()");
        return (String) blocks.stream().filter(b -> ((Integer) b.get("number")) == number).findFirst().orElseThrow().get("id");
    }

    @Test
    void aPdfImportIsADraftThatOnlyAdminsSeeUntilItIsPublished() {
        String doc = as("admin").contentType("application/pdf").body(PdfArticleReaderTest.article(1).render()).post("/api/documents")
                .then().statusCode(201).extract().path("id");
        assertFalse(as("reviewer1").get("/api/documents").jsonPath().getList("id").contains(doc), "not in a reviewer's list");
        for (String path : List.of("/api/documents/" + doc, "/api/documents/" + doc + "/annotations", "/api/documents/" + doc + "/report",
                "/annotations/" + doc + "/", "/api/documents/" + doc + "/presence")) {
            as("reviewer1").get(path).then().statusCode(404);
        }
        as("reviewer1").contentType("application/json").body(Map.of("paragraphId", "x", "start", 0, "end", 1, "quote", "S",
                "tags", List.of("neutrality"))).post("/api/documents/" + doc + "/annotations").then().statusCode(404);
        as("reviewer1").get("/api/documents/" + doc + "/review").then().statusCode(403);
        as("reviewer1").post("/api/documents/" + doc + "/review/publish").then().statusCode(403);
        Map<String, Object> listed = as("admin").get("/api/documents").jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(d -> d.get("id").equals(doc)).findFirst().orElseThrow();
        assertEquals("draft", listed.get("status"));

        JsonPath found = review(doc);
        assertEquals(PdfArticleReaderTest.TITLE, found.getString("title"));
        assertEquals("draft", found.getString("status"));
        assertEquals("pdf", found.getString("sourceKind"));
        assertEquals(List.of("Introduction", "Neutrality by Law", "Strategic Autonomy"), found.getList("sections.heading"));
        assertEquals(3, found.getInt("footnoteCount"));
        assertTrue(found.getInt("pages") >= 2, "pages of the stored PDF: " + found.getInt("pages"));
        List<Integer> pages = found.getList("sections.blocks.flatten().page");
        assertEquals(found.getInt("paragraphCount"), pages.size());
        assertTrue(pages.contains(1) && pages.contains(2), pages.toString());
        assertTrue(found.getList("sections.blocks.flatten().kind").stream().allMatch(List.of("paragraph", "table", "figure", "code")::contains));

        assertTrue(fix(doc, "publish", null).getString("message").startsWith("Published"));
        as("admin").post("/api/documents/" + doc + "/review/publish").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        assertTrue(as("reviewer1").get("/api/documents").jsonPath().getList("id").contains(doc), "published: in the reviewer's list");
        Documents.document(doc);
        as("admin").get("/api/admin/log").then().body("find { it.action == 'document-publish' && it.target == '"
                + PdfArticleReaderTest.TITLE + "' }.sentence", containsString("published the document"));
    }

    @jakarta.inject.Inject
    DocumentImporter importer;

    @Test
    void whatTheReaderReportsIsStoredAndShownBlockKindsDroppedLinesByReasonWithTheirPagesAndOcr() throws java.io.IOException {
        var body = new org.seminar.annotator.document.parse.ParsedArticle.Section("Results", List.of(
                org.seminar.annotator.document.parse.InlineText.plain("Prose about the results."),
                org.seminar.annotator.document.parse.InlineText.plain("Group | Mean | SD")), List.of(2, 3),
                List.of(BlockKind.PARAGRAPH, BlockKind.TABLE));
        List<org.seminar.annotator.document.parse.ParsedArticle.Dropped> dropped = List.of(
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.RUNNING_HEAD, 1, "Journal of Tests"),
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.PAGE_NUMBER, 2, "2"),
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.RUNNING_HEAD, 2, "Journal of Tests"),
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.RUNNING_HEAD, 3, "Journal of Tests"),
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.RUNNING_HEAD, 5, "Journal of Tests"),
                new org.seminar.annotator.document.parse.ParsedArticle.Dropped(DropReason.PULL_QUOTE, 3, "A quote set large."));
        byte[] pdf = PdfArticleReaderTest.article(1).render();
        int pages;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        var article = new org.seminar.annotator.document.parse.ParsedArticle("Recognised " + System.nanoTime(), List.of("Ann Author"),
                null, List.of(), null, List.of(body), List.of(), dropped, true, pages);
        String doc = importer.importPdf(article, pdf, article.pageCount(), "admin");
        JsonPath r = review(doc);
        assertEquals("pdf-ocr", r.getString("sourceKind"));
        assertEquals("draft", r.getString("status"));
        assertEquals(List.of("paragraph", "table"), r.getList("sections[0].blocks.kind"));
        assertEquals(List.of(2, 3), r.getList("sections[0].blocks.page"));
        assertEquals(List.of("running-head", "page-number", "pull-quote"), r.getList("dropped.reason"), "grouped, in the page's order");
        assertEquals(List.of("Journal of Tests"), r.getList("dropped[0].lines.text"));
        assertEquals(List.of(1, 2, 3, 5), r.getList("dropped[0].lines[0].pages"));
        assertEquals("pp. 1\u20133, 5", new ImportReview.DroppedText("x", List.of(1, 2, 3, 5)).pagesLabel());
        as("reviewer1").get("/api/documents/" + doc).then().statusCode(404);
    }

    @Test
    void joinAndSplitChangeTheParagraphsAndRefuseBadOffsets() {
        String doc = Documents.importText("Join " + System.nanoTime() + "\n\nThe first half of a sentence cut by\n\nthe page break.\n\nThird one.");
        fix(doc, "paragraphs/" + idOf(doc, 1) + "/join", null);
        assertEquals(List.of("The first half of a sentence cut by the page break.", "Third one."), texts(doc));
        as("admin").post("/api/documents/" + doc + "/review/paragraphs/" + idOf(doc, 2) + "/join").then().statusCode(400)
                .body("errors[0].field", equalTo("paragraphId"));

        String first = idOf(doc, 1);
        for (Object bad : List.of(0, 500, -3)) {
            as("admin").contentType("application/json").body(Map.of("offset", bad)).post("/api/documents/" + doc + "/review/paragraphs/"
                    + first + "/split").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("offset"));
        }
        as("admin").contentType("application/json").body("{}").post("/api/documents/" + doc + "/review/paragraphs/" + first + "/split")
                .then().statusCode(400).body("errors[0].field", equalTo("offset"));
        assertEquals(List.of("The first half of a sentence cut by the page break.", "Third one."), texts(doc), "nothing changed");
        fix(doc, "paragraphs/" + first + "/split", Map.of("offset", "The first half of a sentence".length()));
        assertEquals(List.of("The first half of a sentence", "cut by the page break.", "Third one."), texts(doc));
        assertEquals(List.of(1, 2, 3), review(doc).getList("sections.blocks.flatten().number"));
    }

    @Test
    void aParagraphBecomesAHeadingAndAHeadingAParagraphAgain() {
        String doc = Documents.importText("Headings " + System.nanoTime() + "\n\nOpening words.\n\nA Missed Heading\n\nBody of the part.\n\nMore body.");
        fix(doc, "paragraphs/" + idOf(doc, 2) + "/heading", null);
        JsonPath r = review(doc);
        assertEquals(java.util.Arrays.asList(null, "A Missed Heading"), r.getList("sections.heading"));
        assertEquals(List.of("Opening words."), r.getList("sections[0].blocks.text"));
        assertEquals(List.of("Body of the part.", "More body."), r.getList("sections[1].blocks.text"));
        assertEquals(List.of(2, 3), r.getList("sections[1].blocks.number"));

        fix(doc, "sections/" + r.getString("sections[1].id") + "/paragraph", null);
        r = review(doc);
        assertEquals(1, r.getList("sections").size(), "the section joined the one before it");
        assertEquals(List.of("Opening words.", "A Missed Heading", "Body of the part.", "More body."), texts(doc));
        assertEquals(List.of(1, 2, 3, 4), r.getList("sections.blocks.flatten().number"));
        as("admin").post("/api/documents/" + doc + "/review/sections/" + r.getString("sections[0].id") + "/paragraph").then().statusCode(400)
                .body("errors[0].field", equalTo("sectionId"));

        // an annotated paragraph is not taken out of the body
        String annotated = idOf(doc, 1);
        as("reviewer1").contentType("application/json").body(Map.of("paragraphId", annotated, "start", 0, "end", 7, "quote", "Opening",
                "tags", List.of("neutrality"))).post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        as("admin").post("/api/documents/" + doc + "/review/paragraphs/" + annotated + "/heading").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("paragraphId"));
        as("admin").post("/api/documents/" + doc + "/review/paragraphs/" + annotated + "/footnote").then().statusCode(409);
        assertEquals(4, texts(doc).size(), "nothing changed");
    }

    @Test
    void aBlockMovesToTheFootnotesWithItsPrintedLabel() {
        String doc = Documents.importText("Notes " + System.nanoTime() + "\n\nBody text.\n\n7 A note the import took for body text.\n\nMore body.");
        fix(doc, "paragraphs/" + idOf(doc, 2) + "/footnote", null);
        JsonPath r = review(doc);
        assertEquals(List.of("Body text.", "More body."), texts(doc));
        assertEquals(List.of("7"), r.getList("footnotes.label"));
        assertEquals(List.of("A note the import took for body text."), r.getList("footnotes.text"));
        assertEquals(1, r.getInt("footnoteCount"));
    }

    @Test
    void aRunningHeadIsDroppedFromEveryParagraphAndRecorded() {
        String head = "Journal of Seminar Tests 3 (2026)";
        String doc = Documents.importText("Heads " + System.nanoTime() + "\n\nThe argument runs on " + head + " across the page.\n\n" + head
                + "\n\nA paragraph without it.\n\nAnd " + head + " again.");
        as("admin").contentType("application/json").body(Map.of("text", "Not in the text")).post("/api/documents/" + doc + "/review/running-heads")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        as("admin").contentType("application/json").body(Map.of("text", " ")).post("/api/documents/" + doc + "/review/running-heads")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        assertEquals(4, texts(doc).size(), "nothing changed");
        JsonPath done = fix(doc, "running-heads", Map.of("text", head));
        assertTrue(done.getString("message").contains("3 times, 1 paragraph removed"), done.getString("message"));
        assertEquals(List.of("The argument runs on across the page.", "A paragraph without it.", "And again."), texts(doc));
        JsonPath r = review(doc);
        assertEquals(List.of("running-head"), r.getList("dropped.reason"));
        assertEquals(List.of(head), r.getList("dropped[0].lines.text"));
    }

    @Test
    void titleAndAuthorsAreCorrectedAndBadOnesRefusedByField() {
        String doc = Documents.importText("Front " + System.nanoTime() + "\n\nBody.");
        as("admin").contentType("application/json").body(Map.of("title", " ")).post("/api/documents/" + doc + "/review/front-matter")
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        as("admin").contentType("application/json").body(Map.of("title", "Fine", "authors", List.of("Ann Author", "")))
                .post("/api/documents/" + doc + "/review/front-matter").then().statusCode(400).body("errors[0].field", equalTo("authors[1]"));
        assertTrue(review(doc).getString("title").startsWith("Front "), "nothing changed");
        fix(doc, "front-matter", Map.of("title", "The Corrected Title " + doc, "authors", List.of("Ann Author", "Ben Writer")));
        JsonPath r = review(doc);
        assertEquals("The Corrected Title " + doc, r.getString("title"));
        assertEquals(List.of("Ann Author", "Ben Writer"), r.getList("authors"));
    }

    @Test
    void afterPublishingJoinAndSplitKeepAnnotationsOnTheirText() {
        String second = "Strategic autonomy is what the government claims today.";
        String doc = Documents.importText("Kept " + System.nanoTime() + "\n\nBelarus declared neutrality as a goal in 1994.\n\n" + second
                + "\n\nA last paragraph.");
        JsonPath read = Documents.document(doc);
        String p2 = read.getString("sections[0].paragraphs[1].id");
        String quote = "the government";
        String annotation = as("reviewer1").contentType("application/json").body(Map.of("paragraphId", p2, "start", second.indexOf(quote),
                "end", second.indexOf(quote) + quote.length(), "quote", quote, "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");

        JsonPath joined = fix(doc, "paragraphs/" + read.getString("sections[0].paragraphs[0].id") + "/join", null);
        assertEquals(1, joined.getInt("reanchored.exact"));
        assertEquals(quote, passage(doc, annotation));

        String p1 = idOf(doc, 1);
        fix(doc, "paragraphs/" + p1 + "/split", Map.of("offset", "Belarus declared neutrality as a goal in 1994. ".length() + 9));
        assertEquals(List.of("Belarus declared neutrality as a goal in 1994. Strategic", "autonomy is what the government claims today.",
                "A last paragraph."), texts(doc));
        assertEquals(quote, passage(doc, annotation));
        JsonPath a = as("reviewer1").get("/api/annotations/" + annotation).then().statusCode(200).extract().jsonPath();
        assertEquals(idOf(doc, 2), a.getString("paragraphId"));
        assertEquals("exact", a.getString("anchor"));
    }

    /** The annotation's passage, cut from its paragraph's current text by its offsets. */
    static String passage(String doc, String annotation) {
        JsonPath a = as("reviewer1").get("/api/annotations/" + annotation).then().statusCode(200).extract().jsonPath();
        String text = as("reviewer1").accept("text/plain").get("/api/documents/" + doc + "/paragraphs/" + a.getString("paragraphId"))
                .then().statusCode(200).extract().asString();
        return text.substring(a.getInt("start"), a.getInt("end"));
    }
}
