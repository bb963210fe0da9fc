package org.seminar.annotator.webannotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Accounts;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The W3C protocol's addresses and what it keeps: CORS for bearer-token clients of any origin (never credentials),
 * Content-Location, one container without a query per group, POST to containers only, the constraints link on
 * refusals, Slug, canonical and via, comment-only annotations, and one IRI per annotation in the protocol and the
 * JSON-LD export.
 */
@QuarkusTest
class ProtocolAddressesTest {

    static final String LD = AnnotationProtocolTest.LD;
    static final String CONSTRAINED_BY = "rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";

    static Map<String, Object> annotation(String doc, String paragraph, String exact, Map<String, Object> body) {
        return Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation", "body", body,
                "target", Map.of("source", "http://localhost/api/documents/" + doc + "/paragraphs/" + paragraph,
                        "selector", Map.of("type", "TextQuoteSelector", "exact", exact)));
    }

    @Test
    void aPreflightFromAnyOriginIsAnsweredWithoutATokenAndNeverAllowsCredentials() {
        String doc = Documents.importText("Cross origin\n\nA paragraph read from another site.");
        Response preflight = given().header("Origin", "https://client.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, slug, prefer, if-match")
                .options("/annotations/" + doc + "/");
        preflight.then().statusCode(204).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.allOf(containsString("Authorization"), containsString("Slug"),
                        containsString("If-Match"), containsString("Prefer"), containsString("Content-Type")))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://client.example").header("Authorization", Tokens.bearer("reviewer1")).get("/annotations/" + doc + "/")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.allOf(containsString("ETag"), containsString("Content-Location"),
                        containsString("Location"), containsString("Link"), containsString("Allow")))
                .header("Access-Control-Allow-Credentials", nullValue());
        // the API too; pages stay same-origin
        given().header("Origin", "https://client.example").header("Access-Control-Request-Method", "GET").options("/api/documents")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        given().redirects().follow(false).header("Origin", "https://client.example").header("Access-Control-Request-Method", "GET")
                .options("/documents").then().header("Access-Control-Allow-Origin", nullValue());
        // without a token the call itself is still refused
        given().header("Origin", "https://client.example").get("/annotations/" + doc + "/").then().statusCode(401);
    }

    @Test
    void eachGroupHasAContainerWithoutAQueryAndItsAnnotationsIrisStartWithIt() {
        String doc = Documents.importText("Two groups\n\nA paragraph two seminar groups annotate.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String both = "both" + System.nanoTime();
        Accounts.create(both, both, List.of("reviewer"), List.of("seminar-a", "seminar-b"));
        Response choices = given().header("Authorization", Tokens.bearer(both)).get("/annotations/" + doc + "/");
        choices.then().statusCode(300).body("containers.group", org.hamcrest.Matchers.containsInAnyOrder("seminar-a", "seminar-b"))
                .header("Link", containsString("rel=\"alternate\""));
        String groupB = choices.jsonPath().getString("containers.find { it.group == 'seminar-b' }.id");
        String path = groupB.substring(groupB.indexOf("/annotations/"));
        assertTrue(!groupB.contains("?"), groupB);

        JsonPath c = given().header("Authorization", Tokens.bearer(both)).get(path).then().statusCode(200)
                .header("Content-Location", groupB).extract().jsonPath();
        assertEquals(groupB, c.getString("id"));
        assertTrue(c.getString("label").contains("seminar-b"));

        Response created = given().header("Authorization", Tokens.bearer(both)).contentType(LD).header("Slug", "My-Reading-1")
                .body(annotation(doc, paragraph, "two seminar groups", Map.of("type", "TextualBody", "purpose", "tagging", "value", "neutrality")))
                .post(path);
        created.then().statusCode(201);
        assertEquals(groupB + "my-reading-1", created.header("Location"), "the Slug names it, inside the group's container");
        assertEquals(created.header("Location"), created.jsonPath().getString("id"));
        // the group's container lists it; the older addresses still answer
        given().header("Authorization", Tokens.bearer(both)).get(path).then().statusCode(200).body("first.items.id", hasItem(created.header("Location")));
        given().header("Authorization", Tokens.bearer(both)).get("/annotations/" + doc + "/my-reading-1").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(created.header("Location")));
        given().header("Authorization", Tokens.bearer(both)).queryParam("group", "seminar-b").get("/annotations/" + doc + "/").then()
                .statusCode(200).header("Content-Location", groupB);
        // an unsafe Slug is not used; a Slug taken is not either
        Response unsafe = given().header("Authorization", Tokens.bearer(both)).contentType(LD).header("Slug", "../../admin")
                .body(annotation(doc, paragraph, "paragraph", Map.of("type", "TextualBody", "value", "A comment only"))).post(path);
        unsafe.then().statusCode(201);
        assertTrue(!unsafe.header("Location").contains("admin"), unsafe.header("Location"));
        // reviewer4 (seminar-b only) reads seminar-b's annotation; reviewer1 (seminar-a) does not see that container
        given().header("Authorization", Tokens.bearer("reviewer4")).get(created.header("Location").substring(groupB.indexOf("/annotations/")))
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer("reviewer1")).get(path).then().statusCode(404);
    }

    @Test
    void onlyTheContainerTakesAPostAndEveryRefusalLinksToTheConstraints() {
        String doc = Documents.importText("Refusals\n\nA paragraph that refuses strange annotations.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        Map<String, Object> ok = annotation(doc, paragraph, "refuses", Map.of("type", "TextualBody", "purpose", "tagging", "value", "neutrality"));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType(LD).body(ok).queryParam("page", 0).post("/annotations/" + doc + "/")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS").header("Link", containsString(CONSTRAINED_BY));
        JsonPath page = given().header("Authorization", Tokens.bearer("reviewer1")).get("/annotations/" + doc + "/").jsonPath();
        assertEquals(0, page.getInt("total"), "the POST to a page created nothing");
        Response refused = given().header("Authorization", Tokens.bearer("reviewer1")).contentType(LD)
                .body(annotation(doc, paragraph, "refuses", Map.of("type", "TextualBody", "purpose", "tagging", "value", "no such tag")))
                .post("/annotations/" + doc + "/");
        refused.then().statusCode(400).header("Link", containsString(CONSTRAINED_BY));
        String constraints = refused.header("Link").replaceAll(".*<([^>]+)>; " + java.util.regex.Pattern.quote(CONSTRAINED_BY) + ".*", "$1");
        given().get(constraints).then().statusCode(200).body(containsString("Slug"));
    }

    @Test
    void canonicalAndTheClientsIdAreKeptAndTheExportUsesTheProtocolIri() {
        String doc = Documents.importText("Provenance\n\nA paragraph annotated elsewhere first, then here.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        Map<String, Object> sent = new java.util.HashMap<>(annotation(doc, paragraph, "elsewhere first",
                Map.of("type", "TextualBody", "value", "Only a comment, no tag")));
        sent.put("id", "https://client.example/annotations/42");
        sent.put("canonical", "urn:uuid:6a1b3c6e-0000-4000-8000-000000000042");
        Response created = given().header("Authorization", Tokens.bearer("reviewer1")).contentType(LD).body(sent).post("/annotations/" + doc + "/");
        created.then().statusCode(201).body("via", org.hamcrest.Matchers.equalTo("https://client.example/annotations/42"))
                .body("canonical", org.hamcrest.Matchers.equalTo("urn:uuid:6a1b3c6e-0000-4000-8000-000000000042"))
                .body("motivation", org.hamcrest.Matchers.equalTo("commenting"));
        String iri = created.header("Location");
        String id = iri.substring(iri.lastIndexOf('/') + 1);
        // the comment-only annotation is an ordinary, untagged one in the JSON API and the CSV
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + id).then().statusCode(200)
                .body("tags", org.hamcrest.Matchers.empty()).body("comment", org.hamcrest.Matchers.equalTo("Only a comment, no tag"))
                .body("canonical", org.hamcrest.Matchers.equalTo("urn:uuid:6a1b3c6e-0000-4000-8000-000000000042"));
        JsonPath export = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations.jsonld")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(iri), export.getList("first.items.id"), "one IRI: the export names it as the protocol does");
        assertEquals("https://client.example/annotations/42", export.getString("first.items[0].via"));
        String csv = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("Only a comment, no tag"), csv);
        // and through the JSON API: a comment without a tag is accepted, neither is refused
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A", "comment", "Untagged"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).body("tags", org.hamcrest.Matchers.empty());
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A", "tags", List.of()))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(400).body("errors.field", hasItem("tags"));
    }
}
