package org.seminar.annotator.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The bundled article and documents as the API returns them, for tests of every feature. */
public final class Documents {

    public static final String BUNDLED_TITLE = "Belarus: Between Non-Alignment, Neutrality, and Strategic Autonomy Options";

    private Documents() {
    }

    public static String bundledId() {
        List<Map<String, String>> docs = given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents").then().statusCode(200).extract().jsonPath().getList("$");
        return docs.stream().filter(d -> d.get("title").equals(BUNDLED_TITLE)).findFirst().orElseThrow().get("id");
    }

    /** Imports a clean text as admin (UTF-8, first line the title) and returns the new document's id. */
    public static String importText(String text) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("text/plain")
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(201).extract().path("id");
    }

    public static JsonPath document(String id) {
        return documentAs("reviewer1", id);
    }

    public static JsonPath documentAs(String username, String id) {
        return given().header("Authorization", Tokens.bearer(username))
                .get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
    }
}
