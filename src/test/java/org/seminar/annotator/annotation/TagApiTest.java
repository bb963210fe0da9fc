package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** The tag codebook: defaults, admin changes, retired tags kept but not applicable. */
@QuarkusTest
class TagApiTest {

    @Test
    void everyoneSignedInReadsTheDefaultCodebook() {
        given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/tags").then().statusCode(200)
                .body("slug", hasItems("neutrality", "non-alignment", "strategic-autonomy"))
                .body("find { it.slug == 'strategic-autonomy' }.name", equalTo("strategic autonomy"))
                .body("find { it.slug == 'neutrality' }.color", org.hamcrest.Matchers.matchesPattern("#[0-9a-f]{6}"))
                .body("find { it.slug == 'neutrality' }.retired", equalTo(false));
        given().get("/api/tags").then().statusCode(401);
    }

    @Test
    void adminsAddRenameRecolourAndRetireTagsReviewersCannot() {
        String slug = "hedging-" + System.nanoTime() % 100000;
        Map<String, Object> tag = Map.of("slug", slug, "name", "Hedging", "color", "#AA3366", "description", "Keeping options open.");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(tag)
                .post("/api/tags").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(tag)
                .post("/api/tags").then().statusCode(201).body("slug", equalTo(slug)).body("color", equalTo("#aa3366"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(tag)
                .post("/api/tags").then().statusCode(409);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(Map.of("name", "Hedging strategy", "color", "#112233"))
                .put("/api/tags/" + slug).then().statusCode(200).body("name", equalTo("Hedging strategy")).body("color", equalTo("#112233"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("color", "red"))
                .put("/api/tags/" + slug).then().statusCode(400).body("errors[0].field", equalTo("color"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(Map.of("name", "", "color", "#123456", "description", "x"))
                .post("/api/tags").then().statusCode(400).body("errors.field", hasItem("name"));

        String doc = Documents.bundledId();
        var d = Documents.document(doc);
        String paragraph = d.getString("sections[0].paragraphs[0].id");
        String quote = d.getString("sections[0].paragraphs[0].text").substring(0, 3);
        String id = AnnotationApiTest.create("reviewer1", doc, Map.of("paragraphId", paragraph, "start", 0, "end", 3, "quote", quote,
                "tags", List.of(slug))).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                .put("/api/tags/" + slug).then().statusCode(200).body("retired", equalTo(true));
        AnnotationApiTest.create("reviewer1", doc, Map.of("paragraphId", paragraph, "start", 0, "end", 3, "quote", quote,
                "tags", List.of(slug))).statusCode(400).body("errors[0].field", equalTo("tags[0]"));
        AnnotationApiTest.get("reviewer2", id).statusCode(200).body("tags", equalTo(List.of(slug)));
        given().header("Authorization", Tokens.bearer("reviewer2")).put("/api/tags/" + slug).then().statusCode(403);
    }
}
