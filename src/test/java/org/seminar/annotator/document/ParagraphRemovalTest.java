package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Removing a stray paragraph (a running head an import left): one without annotations simply goes; one with annotations
 * is refused until confirmed, and confirmed its annotations are kept in the paragraph before it (after it, for the
 * first) — never dropped — on the same words when they are there, otherwise marked as needing attention.
 */
@QuarkusTest
class ParagraphRemovalTest {

    static final String TEXT = """
            Removing stray lines %s

            The first paragraph opens the argument about small states.

            JOURNAL OF SMALL STATES 12

            The third paragraph goes on with the argument.

            The fourth paragraph closes it.""";

    static String document() {
        return Documents.importText(TEXT.formatted(System.nanoTime() % 1_000_000));
    }

    static List<Map<String, Object>> paragraphs(String doc) {
        return Documents.document(doc).getList("sections.paragraphs.flatten()");
    }

    static String annotate(String user, String doc, String paragraph, int start, String quote) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", start, "end", start + quote.length(), "quote", quote,
                        "tags", List.of("neutrality"), "comment", "A remark on it"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse remove(String user, String doc, String paragraph, String confirm) {
        var request = given().header("Authorization", Tokens.bearer(user));
        if (confirm != null) {
            request.queryParam("confirm", confirm);
        }
        return request.delete("/api/documents/" + doc + "/paragraphs/" + paragraph).then();
    }

    static JsonPath annotation(String id) {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/annotations/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRunningHeadWithoutAnnotationsIsRemovedAndThoseAfterItMoveUpOneNumber() {
        String doc = document();
        List<Map<String, Object>> before = paragraphs(doc);
        String head = (String) before.get(1).get("id");
        remove("reviewer1", doc, head, "true").statusCode(403);
        remove("admin", doc, head, null).statusCode(200).body("message", equalTo("Removed \u00b62."));
        List<Map<String, Object>> after = paragraphs(doc);
        assertEquals(3, after.size());
        assertEquals(before.get(2).get("id"), after.get(1).get("id"));
        assertEquals(2, after.get(1).get("number"));
        assertEquals(List.of(1, 2, 3), after.stream().map(p -> p.get("number")).toList());
        remove("admin", doc, head, null).statusCode(404);
        // the text correction keeps its rule: a blank text is not a removal
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("text", " "))
                .put("/api/documents/" + doc + "/paragraphs/" + after.get(0).get("id")).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        List<String> log = given().header("Authorization", Tokens.bearer("admin")).queryParam("action", "paragraph-remove")
                .get("/api/admin/log").then().statusCode(200).extract().jsonPath().getList("sentence");
        String title = Documents.document(doc).getString("title");
        assertTrue(log.contains("Ada Admin removed " + title + " \u00b62 (\u201cJOURNAL OF SMALL STATES 12\u201d)"), log.toString());
    }

    @Test
    void aParagraphWithAnnotationsIsRefusedUntilConfirmedAndThenItsAnnotationsAreKeptInTheOneBefore() {
        String doc = document();
        List<Map<String, Object>> before = paragraphs(doc);
        String first = (String) before.get(0).get("id");
        String head = (String) before.get(1).get("id");
        String third = (String) before.get(2).get("id");
        String onHead = annotate("reviewer1", doc, head, 0, "JOURNAL OF SMALL STATES");
        String onThird = annotate("reviewer2", doc, third, 4, "third paragraph");

        remove("admin", doc, head, null).statusCode(409).body("errors[0].field", equalTo("confirm"))
                .body("detail", containsString("\u00b62 carries 1 annotation. Removing it keeps it: it moves to \u00b61"));
        assertEquals(4, paragraphs(doc).size(), "refused: nothing changed");
        remove("admin", doc, head, "maybe").statusCode(400).body("errors[0].field", equalTo("confirm"));

        remove("admin", doc, head, "true").statusCode(200)
                .body("message", equalTo("Removed \u00b62; its 1 annotation is kept in \u00b61 (0 on the same words there, 1 marked \u201cneeds attention\u201d)."));
        List<Map<String, Object>> after = paragraphs(doc);
        assertEquals(3, after.size());
        assertEquals(List.of(first, third), List.of(after.get(0).get("id"), after.get(1).get("id")));
        assertEquals(before.get(0).get("text"), after.get(0).get("text"), "the paragraph before keeps its text");
        JsonPath kept = annotation(onHead);
        assertEquals(first, kept.getString("paragraphId"));
        assertEquals("needs-attention", kept.getString("anchor"));
        assertEquals("JOURNAL OF SMALL STATES", kept.getString("quote"), "the quote is kept for its author to place again");
        assertEquals(List.of("neutrality"), kept.getList("tags"));
        assertEquals("A remark on it", kept.getString("comment"));
        JsonPath untouched = annotation(onThird);
        assertEquals(third, untouched.getString("paragraphId"));
        assertEquals("exact", untouched.getString("anchor"));
        assertEquals(4, untouched.getInt("start"));

        List<String> log = given().header("Authorization", Tokens.bearer("admin")).queryParam("action", "paragraph-remove")
                .get("/api/admin/log").then().statusCode(200).extract().jsonPath().getList("sentence");
        assertTrue(log.stream().anyMatch(s -> s.endsWith("\u00b62 (\u201cJOURNAL OF SMALL STATES 12\u201d); its 1 annotation moved to \u00b61, "
                + "marked as needing attention")), log.toString());
    }

    @Test
    void theFirstParagraphsAnnotationsGoToTheOneAfterAndTheOnlyParagraphCannotBeRemoved() {
        String doc = document();
        List<Map<String, Object>> before = paragraphs(doc);
        String first = (String) before.get(0).get("id");
        String onWords = annotate("reviewer1", doc, first, 4, "first paragraph");
        remove("admin", doc, first, "true").statusCode(200).body("message", containsString("kept in \u00b61"));
        List<Map<String, Object>> after = paragraphs(doc);
        assertEquals(3, after.size());
        assertEquals(before.get(1).get("text"), after.get(0).get("text"), "the paragraph after takes the first place");
        JsonPath kept = annotation(onWords);
        assertEquals(after.get(0).get("id"), kept.getString("paragraphId"));
        assertEquals("needs-attention", kept.getString("anchor"));

        String single = Documents.importText("A single paragraph " + System.nanoTime() % 1_000_000 + "\n\nOnly this one.");
        String only = Documents.document(single).getString("sections[0].paragraphs[0].id");
        remove("admin", single, only, "true").statusCode(400).body("errors[0].field", equalTo("paragraphId"));
    }
}
