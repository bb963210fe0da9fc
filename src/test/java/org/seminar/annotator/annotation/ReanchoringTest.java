package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Corrections that keep annotations: after an admin corrects a paragraph, every annotation is placed
 * again exactly, by a bounded fuzzy match, or kept and marked as needing attention, never lost; the
 * move is in its history; a paragraph split in two carries its annotations into the right half.
 */
@QuarkusTest
class ReanchoringTest {

    static final String TEXT = "Belarus declared neutralty as a goal in 1994. The constitution still names it. "
            + "Strategic autonomy is what the government claims today, while the alliance with Russia deepens.";

    record Seeded(String doc, String paragraph, Map<String, String> ids) {
    }

    static Seeded seed(String text, List<String> quotes) {
        String doc = Documents.importText("Correction " + System.nanoTime() + "\n\n" + text + "\n\nAnother paragraph after it.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String quote : quotes) {
            int start = text.indexOf(quote);
            ids.put(quote, given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                    .body(Map.of("paragraphId", paragraph, "start", start, "end", start + quote.length(), "quote", quote,
                            "tags", List.of("neutrality"), "comment", "on: " + quote))
                    .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id"));
        }
        return new Seeded(doc, paragraph, ids);
    }

    static JsonPath correct(Seeded s, String text) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("text", text))
                .put("/api/documents/" + s.doc() + "/paragraphs/" + s.paragraph()).then().statusCode(200).extract().jsonPath();
    }

    static io.restassured.response.Response placeAgain(String user, String id, int version, String paragraph, int start, String quote) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("version", version, "paragraphId", paragraph, "start", start, "end", start + quote.length(), "quote", quote))
                .put("/api/annotations/" + id + "/anchor");
    }

    static JsonPath annotation(String id) {
        return given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The annotation's passage, cut from its paragraph's current text by its offsets. */
    static String passage(Seeded s, JsonPath a) {
        String text = given().header("Authorization", Tokens.bearer("reviewer1")).accept("text/plain")
                .get("/api/documents/" + s.doc() + "/paragraphs/" + a.getString("paragraphId")).then().statusCode(200).extract().asString();
        return text.substring(a.getInt("start"), a.getInt("end"));
    }

    @Test
    void aTypoFixedInsideAQuoteIsAFuzzyMatchAndAWordInsertedBeforeAQuoteKeepsItExact() {
        Seeded s = seed(TEXT, List.of("declared neutralty as a goal", "Strategic autonomy"));
        JsonPath result = correct(s, TEXT.replace("neutralty", "neutrality").replace("Strategic autonomy", "So-called strategic autonomy")
                .replace("So-called strategic autonomy", "So-called Strategic autonomy"));
        assertEquals(Map.of("exact", 1, "fuzzy", 1, "needsAttention", 0), result.getMap("reanchored"));
        JsonPath typo = annotation(s.ids().get("declared neutralty as a goal"));
        assertEquals("fuzzy", typo.getString("anchor"));
        assertEquals("declared neutrality as a goal", passage(s, typo));
        assertEquals("declared neutrality as a goal", typo.getString("quote"));
        JsonPath moved = annotation(s.ids().get("Strategic autonomy"));
        assertEquals("exact", moved.getString("anchor"));
        assertEquals("Strategic autonomy", passage(s, moved));
        assertEquals("on: Strategic autonomy", moved.getString("comment"), "comment, tags and author kept");
        List<Map<String, Object>> history = given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/annotations/" + s.ids().get("declared neutralty as a goal") + "/history").jsonPath().getList("$");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("reanchor", last.get("action"));
        assertTrue(last.toString().contains("declared neutralty as a goal"), "the old quote is in the history: " + last);
    }

    @Test
    void aSentenceMovedWithinTheParagraphTakesItsAnnotationAlong() {
        Seeded s = seed(TEXT, List.of("The constitution still names it."));
        String moved = "Strategic autonomy is what the government claims today, while the alliance with Russia deepens. "
                + "Belarus declared neutralty as a goal in 1994. The constitution still names it.";
        assertEquals(Map.of("exact", 1, "fuzzy", 0, "needsAttention", 0), correct(s, moved).getMap("reanchored"));
        JsonPath a = annotation(s.ids().get("The constitution still names it."));
        assertEquals(moved.indexOf("The constitution"), a.getInt("start"));
        assertEquals("exact", a.getString("anchor"));
    }

    @Test
    void aParagraphSplitInTwoCarriesItsAnnotationsIntoTheRightHalfAndRenumbers() {
        Seeded s = seed(TEXT, List.of("Belarus declared", "alliance with Russia"));
        String split = "Belarus declared neutralty as a goal in 1994. The constitution still names it.\n\n"
                + "Strategic autonomy is what the government claims today, while the alliance with Russia deepens.";
        JsonPath result = correct(s, split);
        assertEquals(2, result.getList("paragraphs").size());
        assertEquals(Map.of("exact", 2, "fuzzy", 0, "needsAttention", 0), result.getMap("reanchored"));
        String second = result.getList("paragraphs").get(1).toString();
        JsonPath a = annotation(s.ids().get("alliance with Russia"));
        assertEquals(second, a.getString("paragraphId"));
        assertEquals("alliance with Russia", passage(s, a));
        assertEquals(s.paragraph(), annotation(s.ids().get("Belarus declared")).getString("paragraphId"));
        JsonPath doc = Documents.document(s.doc());
        assertEquals(List.of(1, 2, 3), doc.getList("sections.paragraphs.flatten().number"));
        assertEquals("Another paragraph after it.", doc.getString("sections.paragraphs.flatten()[2].text"));
    }

    @Test
    void aQuoteWhoseTextWasDeletedNeedsAttentionAndIsNotLost() {
        Seeded s = seed(TEXT, List.of("The constitution still names it.", "Belarus declared"));
        String without = "Belarus declared neutralty as a goal in 1994. Strategic autonomy is what the government claims today, "
                + "while the alliance with Russia deepens.";
        assertEquals(Map.of("exact", 1, "fuzzy", 0, "needsAttention", 1), correct(s, without).getMap("reanchored"));
        JsonPath lost = annotation(s.ids().get("The constitution still names it."));
        assertEquals("needs-attention", lost.getString("anchor"));
        assertEquals("The constitution still names it.", lost.getString("quote"), "the old quote is kept");
        assertEquals("on: The constitution still names it.", lost.getString("comment"));
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + s.doc() + "/annotations/compact").then()
                .body("annotations.find { it[0] == '" + s.ids().get("The constitution still names it.") + "' }[7]", equalTo(4));
        // its author places it again on the corrected text
        String paragraphText = Documents.document(s.doc()).getString("sections[0].paragraphs[0].text");
        int start = paragraphText.indexOf("Strategic autonomy");
        String lostId = s.ids().get("The constitution still names it.");
        placeAgain("reviewer2", lostId, lost.getInt("version"), s.paragraph(), start, "Strategic autonomy").then().statusCode(403);
        placeAgain("reviewer1", lostId, lost.getInt("version"), s.paragraph(), start, "Strategic autonomX").then().statusCode(400)
                .body("errors[0].field", equalTo("quote"));
        placeAgain("reviewer1", lostId, lost.getInt("version"), s.paragraph(), start, "Strategic autonomy")
                .then().statusCode(200).body("anchor", equalTo("exact")).body("quote", equalTo("Strategic autonomy"));
    }

    @Test
    void onlyAdminsCorrectAndABadTextChangesNothing() {
        Seeded s = seed(TEXT, List.of("Belarus declared"));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("text", "x"))
                .put("/api/documents/" + s.doc() + "/paragraphs/" + s.paragraph()).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("text", "  "))
                .put("/api/documents/" + s.doc() + "/paragraphs/" + s.paragraph()).then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("text", "x"))
                .put("/api/documents/" + s.doc() + "/paragraphs/nope").then().statusCode(404);
        assertEquals(TEXT, Documents.document(s.doc()).getString("sections[0].paragraphs[0].text"));
    }
}
