package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The JSON-LD export and the W3C protocol's containers against the MUST assertions of the W3C Web Annotation test suite (copied with its
 * licence into src/test/resources/w3c-annotation-tests): every item, annotations and replies, gives
 * each assertion its expected result.
 */
@QuarkusTest
class WebAnnotationConformanceTest {

    private static final String SUITE = "/w3c-annotation-tests/";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyExportedItemPassesTheMustAssertionsOfTheW3cSuite() throws Exception {
        String doc = Documents.importText("Conformance\n\nA paragraph with an emoji 😀 before the words we tag.");
        JsonPath d = Documents.document(doc);
        String paragraph = d.getString("sections[0].paragraphs[0].id");
        String text = d.getString("sections[0].paragraphs[0].text");
        int start = text.indexOf("words");
        String id = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", start, "end", start + 5, "quote", "words",
                        "tags", List.of("neutrality", "strategic-autonomy"), "comment", "A *comment*, with \"quotes\"."))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 11, "quote", text.substring(0, 11), "tags", List.of("non-alignment")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", "A reply."))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201);

        String body = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations.jsonld")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/ld+json")).extract().asString();
        JsonNode collection = json.readTree(body);
        assertEquals("AnnotationCollection", collection.get("type").asText());
        assertEquals(3, collection.get("total").asInt());
        JsonNode items = collection.get("first").get("items");
        assertEquals(3, items.size());

        List<String> failures = new ArrayList<>();
        for (JsonNode item : items) {
            failures.addAll(check("annotations/annotationMusts.test", item));
        }
        failures.addAll(check("collections/collectionMusts.test", collection));
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        assertTrue(!check("annotations/annotationMusts.test", json.readTree("{\"type\":\"Annotation\"}")).isEmpty(),
                "the suite does catch a non-conforming annotation");

        JsonNode annotation = null;
        JsonNode reply = null;
        for (JsonNode item : items) {
            if (item.get("target").isObject() && item.get("target").get("selector").get(0).get("exact").asText().equals("words")) {
                annotation = item;
            }
            if (item.get("motivation").asText().equals("replying")) {
                reply = item;
            }
        }
        JsonNode position = annotation.get("target").get("selector").get(1);
        assertEquals(text.codePointCount(0, start), position.get("start").asInt(), "positions count code points");
        assertEquals(start - 1, position.get("start").asInt(), "one emoji before: one code point less than UTF-16 units");
        assertEquals(annotation.get("id").asText(), reply.get("target").asText(), "a reply targets its parent");
        String source = annotation.get("target").get("source").asText();
        assertEquals(text, given().header("Authorization", Tokens.bearer("reviewer1")).get(source.substring(source.indexOf("/api/")))
                .then().statusCode(200).extract().asString(), "the target source serves the paragraph's plain text");
        String dereferenced = annotation.get("id").asText();
        given().header("Authorization", Tokens.bearer("reviewer1")).get(dereferenced.substring(dereferenced.indexOf("/annotations/")))
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(dereferenced));
    }

    @Test
    void everyAnnotationOfAProtocolContainerPassesTheMustAssertionsToo() throws Exception {
        String doc = Documents.importText("Protocol conformance\n\nAn 😀 emoji, then the passage a W3C client tags.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/ld+json")
                .body(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                        "body", List.of(Map.of("type", "TextualBody", "purpose", "tagging", "value", "neutrality"),
                                Map.of("type", "TextualBody", "purpose", "commenting", "value", "Posted through the protocol")),
                        "target", Map.of("source", "http://localhost/api/documents/" + doc + "/paragraphs/" + paragraph,
                                "selector", Map.of("type", "TextQuoteSelector", "exact", "passage"))))
                .post("/annotations/" + doc + "/").then().statusCode(201);
        JsonNode container = json.readTree(given().header("Authorization", Tokens.bearer("reviewer1")).get("/annotations/" + doc + "/")
                .then().statusCode(200).extract().asString());
        List<String> failures = new ArrayList<>();
        for (JsonNode item : container.get("first").get("items")) {
            failures.addAll(check("annotations/annotationMusts.test", item));
        }
        failures.addAll(check("collections/collectionMusts.test", container));
        assertEquals(1, container.get("first").get("items").size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Runs every assertion of a .test file against one JSON document; returns the unexpected results. */
    private List<String> check(String testFile, JsonNode document) throws IOException {
        JsonNode test = read(SUITE + testFile);
        List<String> failures = new ArrayList<>();
        for (JsonNode assertion : test.get("assertions")) {
            String path = assertion.asText();
            Path dir = Files.createTempDirectory("w3c-assertion");
            // each schema refers to the definitions by bare file name, relative to itself
            for (String definition : List.of("annotations.json", "bodyTarget.json", "choiceSet.json", "collections.json", "id.json",
                    "otherProperties.json", "specificResource.json")) {
                copy(SUITE + "definitions/" + definition, dir.resolve(definition));
            }
            Path schemaFile = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
            copy(SUITE + path, schemaFile);
            JsonNode schemaJson = json.readTree(schemaFile.toFile());
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(SchemaLocation.of(schemaFile.toUri().toString()));
            boolean valid = schema.validate(document).isEmpty();
            String expected = schemaJson.path("expectedResult").asText("valid");
            if (valid != expected.equals("valid")) {
                failures.add(path + ": expected " + expected + " for " + document.path("id").asText() + " ("
                        + schemaJson.path("errorMessage").asText() + ")");
            }
        }
        return failures;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }

    private void copy(String resource, Path target) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
