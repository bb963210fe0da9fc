package org.seminar.annotator.webannotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The W3C Web Annotation Protocol's MUSTs, as a client meets them: the container's headers and
 * representations (Prefer), paging, creating with 201 and Location, the annotation's headers, edits
 * and deletions guarded by If-Match (412 stale, 428 missing), and that what one side stores the other
 * reads identically (JSON API and protocol).
 */
@QuarkusTest
class AnnotationProtocolTest {

    static final String LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    static final String IRIS = "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"";
    static final String DESCRIPTIONS = "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedDescriptions\"";
    static final String MINIMAL = "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"";

    static String doc;
    static String paragraph;
    static String text;
    static String container;

    @BeforeEach
    void seed() {
        if (doc != null) {
            return;
        }
        doc = Documents.importText("""
                Protocol test 📜

                Emoji 🧭 first, then the neutrality of a state and its strategic autonomy, then the neutrality again.""");
        var d = Documents.document(doc);
        paragraph = d.getString("sections[0].paragraphs[0].id");
        text = d.getString("sections[0].paragraphs[0].text");
        container = "/annotations/" + doc + "/";
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static Map<String, Object> w3c(String exact, Integer start, Integer end, List<String> tags, String comment) {
        List<Object> selectors = new ArrayList<>();
        if (exact != null) {
            selectors.add(Map.of("type", "TextQuoteSelector", "exact", exact));
        }
        if (start != null) {
            selectors.add(Map.of("type", "TextPositionSelector", "start", start, "end", end));
        }
        List<Object> bodies = new ArrayList<>();
        tags.forEach(t -> bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", t)));
        if (comment != null) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "commenting", "value", comment));
        }
        Map<String, Object> a = new HashMap<>();
        a.put("@context", "http://www.w3.org/ns/anno.jsonld");
        a.put("type", "Annotation");
        a.put("body", bodies);
        a.put("target", Map.of("source", "http://localhost/api/documents/" + doc + "/paragraphs/" + paragraph, "selector", selectors));
        return a;
    }

    static Response post(String user, Map<String, Object> annotation) {
        return as(user).contentType(LD).body(annotation).post(container);
    }

    // ---- the container ----------------------------------------------------------------------

    @Test
    void theContainerIsABasicContainerWithTheProtocolsHeadersAndHonoursPrefer() {
        post("reviewer1", w3c("the neutrality of a state", null, null, List.of("neutrality"), null)).then().statusCode(201);
        Response plain = as("reviewer1").accept(LD).get(container);
        plain.then().statusCode(200)
                .contentType(containsString("application/ld+json")).contentType(containsString("profile=\"http://www.w3.org/ns/anno.jsonld\""))
                .header("Link", containsString("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""))
                .header("Link", containsString("rel=\"http://www.w3.org/ns/ldp#constrainedBy\""))
                .header("Allow", allOf("GET", "POST", "OPTIONS", "HEAD"))
                .header("Accept-Post", containsString("application/ld+json"))
                .header("Vary", allOf("Accept", "Prefer"))
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[^\"]+\""))
                .body("type", hasItems("BasicContainer", "AnnotationCollection"))
                .body("'@context'", hasItem("http://www.w3.org/ns/anno.jsonld"));
        JsonPath body = plain.jsonPath();
        assertTrue(body.getInt("total") >= 1);
        assertEquals("Annotation", body.getString("first.items[0].type"), "full descriptions by default");

        as("reviewer1").header("Prefer", IRIS).get(container).then().statusCode(200)
                .header("Preference-Applied", "return=representation")
                .body("first.items[0]", org.hamcrest.Matchers.startsWith("http"))
                .body("first.items[0]", containsString(container));
        as("reviewer1").header("Prefer", DESCRIPTIONS).get(container).then().statusCode(200)
                .body("first.items[0].type", equalTo("Annotation"));
        as("reviewer1").header("Prefer", MINIMAL).get(container).then().statusCode(200)
                .body("first", org.hamcrest.Matchers.instanceOf(String.class)).body("total", equalTo(body.getInt("total")));

        String etag = plain.header("ETag");
        as("reviewer1").header("If-None-Match", etag).get(container).then().statusCode(304);
        as("reviewer1").head(container).then().statusCode(200).header("Link", containsString("BasicContainer"));
        as("reviewer1").options(container).then().statusCode(200).header("Allow", allOf("POST")).header("Accept-Post", containsString("ld+json"));
        as("reviewer1").accept("text/turtle").get(container).then().statusCode(406);
    }

    @Test
    void aLargeContainerIsPagedWithNextPrevAndLast() {
        String big = Documents.importText("Paged 📄\n\n" + "word ".repeat(200).strip() + ".");
        String p = Documents.document(big).getString("sections[0].paragraphs[0].id");
        for (int i = 0; i < AnnotationProtocol.PAGE_SIZE + 5; i++) {
            as("reviewer2").contentType("application/json").body(Map.of("paragraphId", p, "start", i * 5, "end", i * 5 + 4, "quote", "word",
                    "tags", List.of("neutrality"))).post("/api/documents/" + big + "/annotations").then().statusCode(201);
        }
        String c = "/annotations/" + big + "/";
        JsonPath containerJson = as("reviewer1").get(c).then().statusCode(200).extract().jsonPath();
        assertEquals(AnnotationProtocol.PAGE_SIZE + 5, containerJson.getInt("total"));
        assertEquals(AnnotationProtocol.PAGE_SIZE, containerJson.getList("first.items").size());
        String next = containerJson.getString("first.next");
        assertTrue(containerJson.getString("last").endsWith("page=1"), containerJson.getString("last"));
        Response secondPage = as("reviewer1").get(next);
        assertEquals(200, secondPage.statusCode(), next + " " + secondPage.asString());
        JsonPath second = secondPage.then().contentType(containsString("application/ld+json"))
                .extract().jsonPath();
        assertEquals("AnnotationPage", second.getString("type"));
        assertEquals(AnnotationProtocol.PAGE_SIZE, second.getInt("startIndex"));
        assertEquals(5, second.getList("items").size());
        assertEquals(AnnotationProtocol.PAGE_SIZE + 5, second.getInt("partOf.total"));
        assertTrue(second.getString("prev").endsWith("page=0"));
        assertEquals(null, second.getString("next"));
        as("reviewer1").queryParam("iris", "1").queryParam("page", "0").get(c).then().statusCode(200)
                .body("items[0]", org.hamcrest.Matchers.startsWith("http"));
        as("reviewer1").queryParam("page", "2").get(c).then().statusCode(404).contentType("application/problem+json");
        as("reviewer1").queryParam("page", "x").get(c).then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    // ---- creating -----------------------------------------------------------------------------

    @Test
    void postingAW3cAnnotationCreatesANormalOneWithLocation() {
        int start = text.codePointCount(0, text.indexOf("strategic autonomy"));
        Response created = post("reviewer1", w3c(null, start, start + "strategic autonomy".length(), List.of("strategic autonomy", "neutrality"),
                "Autonomy, 🧭 not neutrality"));
        created.then().statusCode(201).contentType(containsString("application/ld+json"))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).header("Link", containsString("ldp#Resource"));
        String location = created.header("Location");
        assertEquals(location, created.jsonPath().getString("id"));
        assertTrue(location.contains(container), location);
        String id = location.substring(location.lastIndexOf('/') + 1);

        // the JSON API reads the same annotation: UTF-16 offsets, quote, tags, comment
        JsonPath api = as("reviewer1").get("/api/annotations/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(paragraph, api.getString("paragraphId"));
        assertEquals(text.indexOf("strategic autonomy"), api.getInt("start"));
        assertEquals("strategic autonomy", api.getString("quote"));
        assertEquals(List.of("neutrality", "strategic-autonomy"), api.getList("tags"));
        assertEquals("Autonomy, 🧭 not neutrality", api.getString("comment"));
        assertEquals("seminar-a", api.getString("group"));

        // a quote alone is found, its prefix choosing between two occurrences
        Map<String, Object> second = w3c(null, null, null, List.of("neutrality"), null);
        second.put("target", Map.of("source", "http://localhost/api/documents/" + doc + "/paragraphs/" + paragraph, "selector",
                Map.of("type", "TextQuoteSelector", "exact", "the neutrality", "prefix", "then ", "suffix", " again")));
        String secondId = post("reviewer1", second).then().statusCode(201).extract().header("Location").replaceAll(".*/", "");
        assertEquals(text.lastIndexOf("the neutrality"), as("reviewer1").get("/api/annotations/" + secondId).jsonPath().getInt("start"));
    }

    @Test
    void aBadAnnotationIsRefusedNamingItsW3cFieldAndNothingIsStored() {
        int before = as("reviewer1").get(container).jsonPath().getInt("total");
        Map<String, Object> notAnAnnotation = w3c("neutrality", null, null, List.of("neutrality"), null);
        notAnAnnotation.put("type", "Note");
        post("reviewer1", notAnAnnotation).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        post("reviewer1", w3c("not in the text", null, null, List.of("neutrality"), null)).then().statusCode(400)
                .body("errors.field", hasItem("target.selector"));
        post("reviewer1", w3c("Emoji", 1, 6, List.of("neutrality"), null)).then().statusCode(400)
                .body("errors.field", hasItem("target.selector"));
        post("reviewer1", w3c("neutrality", null, null, List.of("no such tag"), null)).then().statusCode(400)
                .body("errors.field", hasItem("body[0].value"));
        post("reviewer1", w3c("neutrality", null, null, List.of(), null)).then().statusCode(400).body("errors.field", hasItem("body"));
        Map<String, Object> elsewhere = w3c("neutrality", null, null, List.of("neutrality"), null);
        elsewhere.put("target", Map.of("source", "http://localhost/api/documents/other/paragraphs/" + paragraph,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "neutrality")));
        post("reviewer1", elsewhere).then().statusCode(400).body("errors.field", hasItem("target.source"));
        as("reviewer1").contentType("text/plain").body("neutrality").post(container).then().statusCode(415);
        assertEquals(before, as("reviewer1").get(container).jsonPath().getInt("total"));
    }

    // ---- one annotation ---------------------------------------------------------------------

    @Test
    void editsAndDeletionsNeedTheCurrentETag() {
        Response created = post("reviewer1", w3c("strategic autonomy", null, null, List.of("strategic autonomy"), null));
        String iri = created.header("Location");
        String path = iri.substring(iri.indexOf("/annotations/"));
        String etag = created.header("ETag");
        as("reviewer1").get(path).then().statusCode(200).header("ETag", etag)
                .header("Allow", allOf("GET", "PUT", "DELETE", "HEAD", "OPTIONS")).header("Link", containsString("ldp#Resource"))
                .header("Vary", containsString("Accept")).contentType(containsString("anno.jsonld"))
                .body("target.selector.find { it.type == 'TextQuoteSelector' }.exact", equalTo("strategic autonomy"));

        Map<String, Object> changed = w3c("strategic autonomy", null, null, List.of("strategic autonomy", "non-alignment"), "Now commented");
        as("reviewer1").contentType(LD).body(changed).put(path).then().statusCode(428).contentType("application/problem+json");
        as("reviewer1").contentType(LD).header("If-Match", "\"stale.0\"").body(changed).put(path).then().statusCode(412);
        Response replaced = as("reviewer1").contentType(LD).header("If-Match", etag).body(changed).put(path);
        replaced.then().statusCode(200).body("body.findAll { it.purpose == 'tagging' }.value", hasItems("strategic autonomy", "non-alignment"))
                .body("body.find { it.purpose == 'commenting' }.value", equalTo("Now commented"));
        String newTag = replaced.header("ETag");
        assertNotEquals(etag, newTag);
        as("reviewer1").contentType(LD).header("If-Match", etag).body(changed).put(path).then().statusCode(412);
        Map<String, Object> moved = w3c("the neutrality of a state", null, null, List.of("neutrality"), null);
        as("reviewer1").contentType(LD).header("If-Match", newTag).body(moved).put(path).then().statusCode(400)
                .body("errors.field", hasItem("target"));
        as("reviewer2").contentType(LD).header("If-Match", newTag).body(changed).put(path).then().statusCode(403);

        as("reviewer1").delete(path).then().statusCode(428);
        as("reviewer1").header("If-Match", etag).delete(path).then().statusCode(412);
        as("reviewer1").header("If-Match", newTag).delete(path).then().statusCode(204);
        as("reviewer1").get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whatTheJsonApiChangesTheProtocolReadsAndTheOldETagNoLongerMatches() {
        Response created = post("reviewer1", w3c("the neutrality of a state", null, null, List.of("neutrality"), null));
        String path = created.header("Location").substring(created.header("Location").indexOf("/annotations/"));
        String id = path.substring(path.lastIndexOf('/') + 1);
        int version = as("reviewer1").get("/api/annotations/" + id).jsonPath().getInt("version");
        as("reviewer1").contentType("application/json").body(Map.of("version", version, "tags", List.of("non-alignment"), "comment", "edited in the app"))
                .put("/api/annotations/" + id).then().statusCode(200);
        JsonPath read = as("reviewer1").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("non-alignment"), read.getList("body.findAll { it.purpose == 'tagging' }.value"));
        assertEquals("edited in the app", read.getString("body.find { it.purpose == 'commenting' }.value"));
        int start = read.getInt("target.selector.find { it.type == 'TextPositionSelector' }.start");
        assertEquals(text.codePointCount(0, text.indexOf("the neutrality of a state")), start, "code points, after the emoji");
        as("reviewer1").contentType(LD).header("If-Match", created.header("ETag")).body(w3c("the neutrality of a state", null, null,
                List.of("neutrality"), null)).put(path).then().statusCode(412);
    }

    @Test
    void theContainerShowsOnlyWhatTheCallerMaySee() {
        Response created = post("reviewer1", w3c("strategic autonomy", null, null, List.of("strategic autonomy"), null));
        String path = created.header("Location").substring(created.header("Location").indexOf("/annotations/"));
        as("reviewer4").get(path).then().statusCode(404);
        as("reviewer4").queryParam("group", "seminar-a").get(container).then().statusCode(403).contentType("application/problem+json");
        JsonPath b = as("reviewer4").get(container).then().statusCode(200).extract().jsonPath();
        assertTrue(b.getString("label").contains("seminar-b"));
        assertTrue(!b.prettify().contains(created.jsonPath().getString("id")), "nothing of seminar-a");
        // an admin chooses among the groups' containers; the older ?group= address answers with the group's own container
        as("admin").get(container).then().statusCode(300).body("containers.group", hasItem("seminar-a"));
        JsonPath a = as("admin").queryParam("group", "seminar-a").get(container).then().statusCode(200).extract().jsonPath();
        assertTrue(!a.getString("id").contains("?"), "a container's IRI has no query: " + a.getString("id"));
        given().get(container).then().statusCode(401).contentType("application/problem+json");
        // a browser address, not a page: never a redirect to the sign-in form
        given().redirects().follow(false).accept("text/html").get(container).then()
                .statusCode(org.hamcrest.Matchers.oneOf(401, 406)).header("Location", org.hamcrest.Matchers.nullValue());
    }

    static org.hamcrest.Matcher<String> allOf(String... methods) {
        List<org.hamcrest.Matcher<? super String>> all = new ArrayList<>();
        for (String m : methods) {
            all.add(containsString(m));
        }
        return org.hamcrest.Matchers.allOf(all);
    }
}
