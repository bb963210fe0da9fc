package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The reading page's compact list: the same annotations as the full list, in reading order, in a
 * fraction of the bytes; its search finds what the reader sees and nothing the reader may not see.
 */
@QuarkusTest
class CompactListTest {

    static final String TEXT = "The seminar reads about neutrality, non-alignment and strategic autonomy in one paragraph.";

    @Test
    void carriesEveryVisibleAnnotationInReadingOrderAndFarFewerBytes() {
        String doc = Documents.importText("Compact list\n\n" + TEXT + "\n\nA second paragraph comes after the first one.");
        JsonPath d = Documents.document(doc);
        String first = d.getString("sections[0].paragraphs[0].id");
        String second = d.getString("sections[0].paragraphs[1].id");
        // made in an order unlike reading order: the second paragraph first, then the first from its end backwards
        annotate("reviewer2", doc, second, 2, 8, "second", List.of("neutrality"), "On the second paragraph");
        for (int i = 0; i < 30; i++) {
            int start = 60 - 2 * i;
            annotate(i % 2 == 0 ? "reviewer1" : "reviewer2", doc, first, start, start + 10, TEXT.substring(start, start + 10),
                    i % 3 == 0 ? List.of("neutrality", "strategic-autonomy") : List.of("non-alignment"), "Comment number " + i);
        }
        JsonPath compact = compact("reviewer1", doc, "");
        List<String> fields = compact.getList("fields");
        List<List<Object>> rows = compact.getList("annotations");
        assertEquals(31, rows.size());
        List<String> paragraphs = compact.getList("paragraphs");
        List<Integer> order = new ArrayList<>();
        for (List<Object> row : rows) {
            String paragraph = paragraphs.get((Integer) row.get(fields.indexOf("paragraph")));
            order.add((paragraph.equals(first) ? 0 : 100_000) + (Integer) row.get(fields.indexOf("start")));
        }
        assertEquals(order.stream().sorted().toList(), order, "reading order: paragraph, then position");
        List<Object> last = rows.get(rows.size() - 1);
        assertEquals(second, paragraphs.get((Integer) last.get(fields.indexOf("paragraph"))));
        assertEquals("Rob Reader", compact.getString("authors[" + last.get(fields.indexOf("author")) + "].name"));
        assertEquals(List.of("neutrality"), ((List<?>) last.get(fields.indexOf("tags"))).stream()
                .map(i -> compact.getString("tags[" + i + "].slug")).toList());
        assertEquals("On the second paragraph", last.get(fields.indexOf("excerpt")));

        List<String> fullIds = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(fullIds.stream().sorted().toList(), rows.stream().map(r -> (String) r.get(0)).sorted().toList(), "the same annotations");
        int full = bytes("/api/documents/" + doc + "/annotations");
        int lean = bytes("/api/documents/" + doc + "/annotations/compact");
        assertTrue(lean * 3 < full, "the compact list is under a third of the full one: " + lean + " of " + full + " bytes");
    }

    @Test
    void searchFindsPassageCommentNameAndReplyButNeverWhatIsHiddenOrWithdrawn() {
        String doc = Documents.importText("Compact search\n\n" + TEXT);
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String quoted = annotate("reviewer1", doc, paragraph, 24, 34, "neutrality", List.of("neutrality"), "plain words");
        String commented = annotate("reviewer1", doc, paragraph, 36, 49, "non-alignment", List.of("non-alignment"), "a remark on Zebulon");
        String replied = annotate("reviewer2", doc, paragraph, 54, 72, "strategic autonomy", List.of("strategic-autonomy"), null);
        String replyId = given().header("Authorization", Tokens.bearer("reviewer3")).contentType("application/json")
                .body(Map.of("comment", "a reply about Quintessa")).post("/api/annotations/" + replied + "/replies").then().statusCode(201)
                .extract().path("id");
        String withdrawn = annotate("reviewer2", doc, paragraph, 0, 11, "The seminar", List.of("neutrality"), "withdrawn Xylophone remark");
        given().header("Authorization", Tokens.bearer("reviewer3")).contentType("application/json").body(Map.of("comment", "keeps it"))
                .post("/api/annotations/" + withdrawn + "/replies").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("reviewer2")).delete("/api/annotations/" + withdrawn).then().statusCode(204);

        assertEquals(List.of(quoted), ids(compact("reviewer1", doc, "NEUTRALITY")), "the passage, whatever the case");
        assertEquals(List.of(commented), ids(compact("reviewer1", doc, "zebulon")), "the comment");
        assertEquals(List.of(replied), ids(compact("reviewer1", doc, "quintessa")), "a reply");
        assertEquals(List.of(withdrawn, replied), ids(compact("reviewer1", doc, "rob reader")), "the author's name, in reading order");
        assertEquals(List.of(), ids(compact("reviewer1", doc, "xylophone")), "a withdrawn annotation's comment is gone");
        assertEquals(List.of(), ids(compact("reviewer1", doc, "%")), "% is a plain character, not a wildcard");
        assertEquals(List.of(), ids(compact("reviewer1", doc, "_")), "_ is a plain character, not a wildcard");

        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("hidden", true))
                .put("/api/annotations/" + replied + "/replies/" + replyId + "/hidden").then().statusCode(200);
        assertEquals(List.of(), ids(compact("reviewer1", doc, "quintessa")), "a hidden reply's text finds nothing");
        JsonPath all = compact("reviewer1", doc, "");
        int repliesAt = all.getList("fields").indexOf("replies");
        List<List<Object>> rows = all.getList("annotations");
        assertEquals(0, rows.stream().filter(r -> r.get(0).equals(replied)).findFirst().orElseThrow().get(repliesAt),
                "a hidden reply is not counted");
        assertEquals(List.of(replied), ids(compact("admin", doc, "quintessa")), "admins still find it");
    }

    @Test
    void cardsAskForTheirAnnotationsByIdAndTooManyIdsAreRefused() {
        String doc = Documents.importText("Compact ids\n\n" + TEXT);
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String a = annotate("reviewer1", doc, paragraph, 24, 34, "neutrality", List.of("neutrality"), null);
        annotate("reviewer1", doc, paragraph, 36, 49, "non-alignment", List.of("non-alignment"), null);
        String c = annotate("reviewer1", doc, paragraph, 54, 72, "strategic autonomy", List.of("strategic-autonomy"), null);
        List<String> got = given().header("Authorization", Tokens.bearer("reviewer1")).queryParam("id", a).queryParam("id", c)
                .get("/api/documents/" + doc + "/annotations").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(List.of(a, c), got);
        var request = given().header("Authorization", Tokens.bearer("reviewer1"));
        IntStream.range(0, 201).forEach(i -> request.queryParam("id", "x" + i));
        request.get("/api/documents/" + doc + "/annotations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("id"));
    }

    static String annotate(String user, String doc, String paragraph, int start, int end, String quote, List<String> tags, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("paragraphId", paragraph, "start", start, "end", end, "quote", quote, "tags", tags));
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    static JsonPath compact(String user, String doc, String q) {
        var request = given().header("Authorization", Tokens.bearer(user));
        if (!q.isEmpty()) {
            request.queryParam("q", q);
        }
        return request.get("/api/documents/" + doc + "/annotations/compact").then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(JsonPath compact) {
        List<List<Object>> rows = compact.getList("annotations");
        return rows.stream().map(r -> (String) r.get(0)).toList();
    }

    static int bytes(String path) {
        return given().header("Authorization", Tokens.bearer("reviewer1")).header("Accept-Encoding", "identity").get(path)
                .then().statusCode(200).extract().asByteArray().length;
    }
}
