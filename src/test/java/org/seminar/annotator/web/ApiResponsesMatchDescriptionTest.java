package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Real answers of the API against the schemas /q/openapi declares for them (JSON Schema 2020-12, as OpenAPI 3.1 uses):
 * a null in a property not declared nullable, a missing required property or a wrong type fails; and the description
 * carries no framework-internal types, each download is its own operation with its own media type, and query numbers
 * and flags are typed.
 */
@QuarkusTest
class ApiResponsesMatchDescriptionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void realAnswersMatchTheirDeclaredSchemas() throws Exception {
        JsonNode api = json.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        String doc = Documents.importText("Schema walk\n\nA paragraph whose answers are checked against the description.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String annotation = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 2, "end", 11, "quote", "paragraph", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", "A reply"))
                .post("/api/annotations/" + annotation + "/replies").then().statusCode(201);

        List<String> problems = new ArrayList<>();
        String[][] calls = {
                {"/api/documents", "/api/documents"},
                {"/api/documents/{id}", "/api/documents/" + doc},
                {"/api/documents/{docId}/annotations", "/api/documents/" + doc + "/annotations"},
                {"/api/annotations/{id}", "/api/annotations/" + annotation},
                {"/api/annotations/{id}/history", "/api/annotations/" + annotation + "/history"},
                {"/api/tags", "/api/tags"},
                {"/api/me", "/api/me"},
                {"/api/documents/{id}/report", "/api/documents/" + doc + "/report"},
        };
        for (String[] call : calls) {
            JsonNode operation = api.path("paths").path(call[0]).path("get");
            if (operation.isMissingNode()) {
                problems.add("GET " + call[0] + " is not described");
                continue;
            }
            Response answer = given().header("Authorization", Tokens.bearer("reviewer1")).get(call[1]);
            String pointer = "#/paths/" + call[0].replace("~", "~0").replace("/", "~1") + "/get/responses/" + answer.statusCode()
                    + "/content/application~1json/schema";
            if (!operation.path("responses").has(String.valueOf(answer.statusCode()))) {
                problems.add("GET " + call[0] + " answered " + answer.statusCode() + ", which is not described");
                continue;
            }
            ObjectNode schema = api.deepCopy();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$ref", pointer);
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json.readTree(answer.asString()))
                    .forEach(m -> problems.add("GET " + call[0] + ": " + m.getMessage()));
        }

        List<String> internal = new ArrayList<>();
        for (Iterator<String> names = api.path("components").path("schemas").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.matches(".*(Template|Engine|Qute|Vertx|Http|Multi|Uni|Instance|Locale|Charset|Class|Method).*")) {
                internal.add(name);
            }
        }
        System.out.println("Schema problems of real answers: " + problems.size() + "\n  " + String.join("\n  ", problems)
                + "\nFramework-internal schemas: " + internal);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), internal);

        // one operation per download, each with its own media type, at the same URLs as before
        Map<String, String> downloads = Map.of("report.csv", "text/csv", "report.md", "text/markdown", "annotations.jsonld",
                "application/ld+json", "export.qdpx", "application/zip", "report", "application/json");
        downloads.forEach((file, type) -> {
            JsonNode content = api.path("paths").path("/api/documents/{id}/" + file).path("get").path("responses").path("200").path("content");
            assertEquals(List.of(type), iterate(content.fieldNames()), file);
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/" + file).then().statusCode(200);
        });
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("text/csv").body("x").put("/api/documents/" + doc + "/report.csv")
                .then().statusCode(405);
        JsonNode excel = api.path("paths").path("/api/documents/{id}/report.csv").path("get").path("parameters");
        excel.forEach(p -> {
            if (p.path("name").asText().equals("excel")) {
                assertEquals("boolean", p.path("schema").path("type").asText(), "excel is a flag");
            }
        });
        assertEquals(List.of("color", "description", "name"), iterate(api.path("components").path("schemas").path("NewTag").path("required")
                .elements()).stream().map(JsonNode::asText).sorted().toList());
    }

    private static <T> List<T> iterate(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
