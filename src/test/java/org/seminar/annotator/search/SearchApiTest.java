package org.seminar.annotator.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Search across documents finds comments, quotes and replies in every document the caller may open,
 * and never what they may not see: another group's work, a hidden reply, others' work while blind, a
 * document of another group.
 */
@QuarkusTest
public class SearchApiTest {

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    /** A word no other test writes: letters only, so that the English parser keeps it one token. */
    public static String word() {
        StringBuilder w = new StringBuilder("qx");
        long n = System.nanoTime();
        for (int i = 0; i < 10; i++, n /= 26) {
            w.append((char) ('a' + n % 26));
        }
        return w.append("ar").toString(); // no English suffix the stemmer would cut
    }

    static String paragraph(String doc, int i) {
        return Documents.documentAs("admin", doc).getString("sections[0].paragraphs[" + i + "].id");
    }

    static String annotate(String user, String doc, String paragraph, int start, int end, String quote, String comment) {
        return as(user).contentType("application/json").body(Map.of("paragraphId", paragraph, "start", start, "end", end, "quote", quote,
                "tags", List.of("neutrality"), "comment", comment)).post("/api/documents/" + doc + "/annotations").then().statusCode(201)
                .extract().path("id");
    }

    static String reply(String user, String annotation, String text) {
        return as(user).contentType("application/json").body(Map.of("comment", text)).post("/api/annotations/" + annotation + "/replies")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath search(String user, String q) {
        return as(user).queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void findsCommentsQuotesAndRepliesInTwoDocumentsAndNothingTheCallerMayNotSee() {
        String w = word();
        String first = Documents.importText("Search one\n\nNeutral states annotated the treaty with care.");
        String second = Documents.importText("Search two\n\nThe " + w + " doctrine shaped the second reading.");
        String theirs = Documents.importText("Search three\n\nOnly seminar-b reads this one.");
        as("admin").contentType("application/json").body(Map.of("groups", List.of("seminar-b"))).put("/api/documents/" + theirs).then().statusCode(200);

        String comment = annotate("reviewer1", first, paragraph(first, 0), 0, 7, "Neutral", "The " + w + " reading of <b>neutrality</b>.");
        String quote = annotate("reviewer2", second, paragraph(second, 0), 4, 4 + w.length(), w, "A doctrine.");
        String replyShown = reply("reviewer3", comment, "Replying about " + w + " policies.");
        String replyHidden = reply("reviewer3", comment, "A hidden " + w + " remark.");
        as("admin").contentType("application/json").body(Map.of("hidden", true))
                .put("/api/annotations/" + comment + "/replies/" + replyHidden + "/hidden").then().statusCode(200);
        String otherGroup = annotate("reviewer4", first, paragraph(first, 0), 0, 7, "Neutral", "Seminar-b on " + w + ".");
        String otherDocument = annotate("reviewer4", theirs, paragraph(theirs, 0), 0, 4, "Only", "Their " + w + " document.");

        JsonPath found = search("reviewer1", w);
        List<Map<String, Object>> hits = found.getList("hits");
        assertEquals(Set.of(comment, quote), Set.copyOf(found.getList("hits.findAll { it.kind == 'annotation' }.annotationId")), hits.toString());
        assertEquals(List.of(replyShown), found.getList("hits.findAll { it.kind == 'reply' }.replyId"));
        assertEquals(3, found.getLong("total"));
        assertEquals(Set.of(first, second), Set.copyOf(found.getList("hits.documentId")), "two documents");
        String body = found.prettify();
        for (String secret : List.of(replyHidden, "hidden " + w, otherGroup, "Seminar-b on", otherDocument, "Their " + w, theirs, "Search three")) {
            assertFalse(body.contains(secret), "reviewer1 may not see " + secret);
        }
        Map<String, Object> hit = hits.stream().filter(h -> comment.equals(h.get("annotationId")) && h.get("replyId") == null).findFirst().orElseThrow();
        assertEquals("comment", hit.get("matchedIn"));
        assertEquals("Search one", hit.get("documentTitle"));
        assertEquals(paragraph(first, 0), hit.get("paragraphId"));
        assertEquals("Neutral", hit.get("quote"));
        assertEquals("reviewer1", hit.get("author"));
        assertEquals("/documents/" + first + "#" + paragraph(first, 0), hit.get("link"));
        assertTrue(hit.get("snippetText").toString().contains("neutrality") && !hit.get("snippetText").toString().contains("<b>"),
                "ts_headline leaves HTML tags of a comment out of the snippet: " + hit);
        assertTrue(String.valueOf(hit.get("snippet")).contains("text=" + w + ", match=true"), "the match is marked: " + hit.get("snippet"));
        Map<String, Object> quoted = hits.stream().filter(h -> quote.equals(h.get("annotationId"))).findFirst().orElseThrow();
        assertEquals("quote", quoted.get("matchedIn"));

        // English stemming: the plural finds the word
        assertTrue(search("reviewer1", w + "s").getList("hits.annotationId").contains(comment), "stems: " + w + "s finds " + w);

        // who may see more finds more: the admin everything, reviewer4 their own group's and document's
        Set<Object> admin = Set.copyOf(search("admin", w).getList("hits.annotationId"));
        assertTrue(admin.containsAll(Set.of(comment, quote, otherGroup, otherDocument)), admin.toString());
        assertTrue(search("admin", w).getList("hits.replyId").contains(replyHidden), "admins see moderated replies");
        assertEquals(Set.of(otherGroup, otherDocument), Set.copyOf(search("reviewer4", w).getList("hits.annotationId")));
        assertTrue(search("reviewer3", w).getList("hits.replyId").contains(replyHidden), "an author sees her own hidden reply");
    }

    @Test
    void blindModeHidesOthersWorkFromSearch() {
        String w = word();
        String doc = Documents.importText("Search blind\n\nThe reviewers read this paragraph about neutrality together.");
        String mine = annotate("reviewer1", doc, paragraph(doc, 0), 4, 13, "reviewers", "Mine about " + w + ".");
        String hers = annotate("reviewer2", doc, paragraph(doc, 0), 4, 13, "reviewers", "Hers about " + w + ".");
        String reply = reply("reviewer2", mine, "Her reply on " + w + ".");
        assertEquals(3, search("reviewer1", w).getLong("total"));
        as("admin").contentType("application/json").body(Map.of("group", "seminar-a", "blind", true)).put("/api/documents/" + doc + "/blind")
                .then().statusCode(200);
        JsonPath blind = search("reviewer1", w);
        assertEquals(List.of(mine), blind.getList("hits.annotationId"), "only her own work while blind");
        assertFalse(blind.prettify().contains(hers) || blind.prettify().contains(reply) || blind.prettify().contains("reviewer2"));
        assertEquals(3, search("admin", w).getLong("total"));
    }

    @Test
    void pagesThroughResultsAndRefusesAnEmptyOrLongQuery() {
        String w = word();
        String doc = Documents.importText("Search pages\n\nA paragraph to annotate three times.");
        for (int i = 0; i < 3; i++) {
            annotate("reviewer1", doc, paragraph(doc, 0), 2, 11, "paragraph", "Note " + i + " on " + w);
        }
        JsonPath page1 = as("reviewer1").queryParam("q", w).queryParam("limit", 2).get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page1.getList("hits").size());
        assertEquals(2, page1.getInt("nextOffset"));
        assertEquals(3, page1.getLong("total"));
        JsonPath page2 = as("reviewer1").queryParam("q", w).queryParam("limit", 2).queryParam("offset", 2).get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page2.getList("hits").size());
        assertTrue(page2.get("nextOffset") == null, "the last page");
        Set<Object> all = new java.util.HashSet<>(page1.getList("hits.annotationId"));
        all.addAll(page2.getList("hits.annotationId"));
        assertEquals(3, all.size(), "no result twice");
        as("reviewer1").queryParam("q", w).queryParam("offset", 50).get("/api/search").then().statusCode(200).body("total", equalTo(3))
                .body("hits.size()", equalTo(0));

        for (String q : List.of("", "   ", "x".repeat(201))) {
            as("reviewer1").queryParam("q", q).get("/api/search").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("q"));
        }
        as("reviewer1").get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        as("reviewer1").queryParam("q", w).queryParam("limit", 0).get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("reviewer1").queryParam("q", "& | ! :* ( '").get("/api/search").then().statusCode(200);
        given().queryParam("q", w).get("/api/search").then().statusCode(401);
    }
}
