package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** The document API against the bundled article and imports, through real Keycloak tokens and PostgreSQL. */
@QuarkusTest
class DocumentApiTest {

    static final String TITLE = Documents.BUNDLED_TITLE;

    @Inject
    BundledDocuments bundled;

    static String bundledId() {
        return Documents.bundledId();
    }

    static JsonPath document(String id) {
        return Documents.document(id);
    }

    @Test
    void listsTheBundledArticleForEverySignedInUser() {
        given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/documents")
                .then().statusCode(200).body("title", hasItem(TITLE));
        given().get("/api/documents").then().statusCode(401);
    }

    @Test
    void bundledArticleHasItsStructure() {
        JsonPath doc = document(bundledId());
        assertEquals(List.of("At the Geopolitical Crossroads: Between the West and Russia", "Belarus and the Non-Aligned Movement",
                "Towards neutrality: Conceptual basis and geopolitical factors", "Strategic Autonomy vis-à-vis Russia",
                "Conclusions: A de facto Neutrality"), doc.getList("sections.heading"));
        assertEquals(List.of("Arseny Sivitsky"), doc.getList("authors"));
        assertTrue(doc.getString("abstract").startsWith("After Belarus obtained independence in 1990"));
        assertTrue(doc.getString("authorNote").startsWith("Arseny Sivitsky, Director"));
        assertEquals(IntStream.rangeClosed(1, 31).mapToObj(String::valueOf).toList(), doc.getList("footnotes.label"));
        assertTrue(doc.getString("footnotes.find { it.label == '10' }.text").endsWith("Moscow Journal of International Law, No. 4, 2017, pp.107-115."));
        assertTrue(doc.getString("footnotes.find { it.label == '16' }.text").contains("intelsearch=%E2%EE%E5"));
    }

    @Test
    void bodyParagraphsAreWholeNumberedAndFreeOfFootnotesAndPullQuotes() {
        JsonPath doc = document(bundledId());
        List<String> texts = doc.getList("sections.paragraphs.flatten().text");
        List<Integer> numbers = doc.getList("sections.paragraphs.flatten().number");
        assertEquals(IntStream.rangeClosed(1, texts.size()).boxed().toList(), numbers);
        assertEquals(texts.size(), texts.stream().distinct().count());
        for (String t : texts) {
            assertTrue(t.matches("(?s).*[.!?][\"”’')]*$"), "ends a sentence: " + t);
            assertFalse(t.contains("Accessed") || t.contains("available at:") || t.matches("(?s).*[⁰¹²³⁴⁵⁶⁷⁸⁹*].*"), t);
        }
        assertEquals(1, texts.stream().filter(t -> t.contains("This integration did not occur immediately")).count());
        assertEquals(1, texts.stream().filter(t -> t.contains("Against this background, in 1998 Belarus took a decision")).count());
        assertTrue(texts.stream().anyMatch(t -> t.contains("proceeds from the principles of the equality of states")),
                "the sentence a pull quote interrupted is whole");
    }

    @Test
    void footnotesAndMarkersLinkBothWays() {
        JsonPath doc = document(bundledId());
        List<Map<String, Object>> refs = doc.getList("sections.paragraphs.flatten().footnoteRefs.flatten()");
        assertEquals(31, refs.stream().map(r -> r.get("label")).distinct().count());
        String firstParagraph = doc.getString("sections[0].paragraphs[0].id");
        assertEquals(List.of(firstParagraph), doc.getList("footnotes.find { it.label == '1' }.referencedBy"));
        assertEquals(doc.getString("footnotes.find { it.label == '1' }.id"), doc.getString("sections[0].paragraphs[0].footnoteRefs[0].footnoteId"));
    }

    @Test
    void aParagraphServesItsPlainText() {
        String id = bundledId();
        JsonPath doc = document(id);
        String pid = doc.getString("sections[1].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer2")).accept("text/plain")
                .get("/api/documents/" + id + "/paragraphs/" + pid)
                .then().statusCode(200).body(equalTo(doc.getString("sections[1].paragraphs[0].text")));
        given().header("Authorization", Tokens.bearer("reviewer2"))
                .get("/api/documents/" + id + "/paragraphs/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownDocumentIs404Problem() {
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/d-does-not-exist")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void loadingTheBundledArticleAgainChangesNothing() {
        long before = Document.count();
        bundled.onStart(null);
        assertEquals(before, Document.count());
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents")
                .then().body("findAll { it.title == '" + TITLE + "' }", hasSize(1));
    }

    // ---- import ---------------------------------------------------------------------------

    private static io.restassured.response.Response post(String user, String contentType, byte[] body, String query) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(contentType).body(body)
                .post("/api/documents" + query);
    }

    @Test
    void adminImportsCleanMarkdownAsWritten() {
        String text = "# Reading Notes\n\n## First\n\nOne paragraph that ends without a stop\n\nand another one.\n\n## Second\n\nLast *words* here.\n";
        String id = post("admin", "text/markdown", text.getBytes(), "").then().statusCode(201)
                .header("Location", endsWith("/api/documents/" + given().header("Authorization", Tokens.bearer("admin"))
                        .get("/api/documents").jsonPath().getString("find { it.title == 'Reading Notes' }.id")))
                .extract().path("id");
        JsonPath doc = document(id);
        assertEquals("Reading Notes", doc.getString("title"));
        assertEquals(List.of("First", "Second"), doc.getList("sections.heading"));
        assertEquals(List.of("One paragraph that ends without a stop", "and another one.", "Last words here."),
                doc.getList("sections.paragraphs.flatten().text"));
        assertEquals(List.of(Map.of("type", "em", "start", 5, "end", 10)), doc.getList("sections[1].paragraphs[0].marks"));
    }

    @Test
    void printExtractionRepairsRunOnlyWhenAsked() {
        String text = "A Printed Piece\n\nThe argument¹ runs on and\n\n1 A note at the foot of the page.\n\nends on the next page.\n";
        String clean = post("admin", "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "")
                .then().statusCode(201).extract().path("id");
        assertEquals(3, document(clean).getList("sections.paragraphs.flatten()").size(), "clean text: nothing merged");
        String repaired = post("admin", "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "?source=print-extraction")
                .then().statusCode(201).extract().path("id");
        JsonPath doc = document(repaired);
        assertEquals(List.of("The argument runs on and ends on the next page."), doc.getList("sections.paragraphs.flatten().text"));
        assertEquals(List.of("A note at the foot of the page."), doc.getList("footnotes.text"));
    }

    @Test
    void refusesBadUploadsWithAProblemNamingTheFieldAndStoresNothing() {
        long before = Document.count();
        post("admin", "text/plain", new byte[0], "").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        post("admin", "text/plain", "   \n\n  ".getBytes(), "").then().statusCode(400).body("errors[0].field", equalTo("body"));
        post("admin", "text/plain", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe }, "")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        post("admin", "text/plain", ("x".repeat(400) + "\n\nbody").getBytes(), "").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        post("admin", "text/plain", "Only a title".getBytes(), "").then().statusCode(400).body("errors[0].field", equalTo("body"));
        post("admin", "text/plain", "Title\n\nText".getBytes(), "?source=scanned").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        byte[] big = ("Big\n\n" + "word ".repeat(1_100_000)).getBytes();
        post("admin", "text/plain", big, "").then().statusCode(413).contentType("application/problem+json");
        post("admin", "application/pdf", "Title\n\nText".getBytes(), "").then().statusCode(400)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", org.hamcrest.Matchers.containsString("not a PDF"));
        post("admin", "application/msword", "Title\n\nText".getBytes(), "").then().statusCode(415);
        assertEquals(before, Document.count());
    }

    @Test
    void onlyAdminsImport() {
        post("reviewer1", "text/plain", "Title\n\nText.".getBytes(), "").then().statusCode(403).contentType("application/problem+json");
        given().contentType("text/plain").body("Title\n\nText.").post("/api/documents").then().statusCode(401);
    }
}
