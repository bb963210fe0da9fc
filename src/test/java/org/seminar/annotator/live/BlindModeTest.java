package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Blind mode hides co-reviewers' work (lists, single reads, events, report) until the reveal shows it. */
@QuarkusTest
class BlindModeTest {

    @TestHTTPResource("/")
    URL base;

    String annotate(String user, String doc, String paragraph) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 5, "quote", "Blind", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    void blind(String doc, boolean on) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", on))
                .put("/api/documents/" + doc + "/blind").then().statusCode(200).body("blind", equalTo(on));
    }

    @Test
    void reviewersSeeOnlyTheirOwnUntilTheReveal() throws Exception {
        String doc = Documents.importText("Blind Reading\n\nBlind judgements stay independent.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", true))
                .put("/api/documents/" + doc + "/blind").then().statusCode(403);
        blind(doc, true);

        try (EventStream rob = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer2"), null)) {
            String ritas = annotate("reviewer1", doc, paragraph);
            String robs = annotate("reviewer2", doc, paragraph);
            assertFalse(rob.everythingUntilOwnPresence(base.toString(), doc, "reviewer2").contains(ritas),
                    "no event about a co-reviewer's annotation while blind");
            given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/annotations")
                    .then().statusCode(200).body("id", equalTo(List.of(robs)));
            given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/annotations/" + ritas).then().statusCode(404);
            given().header("Authorization", Tokens.bearer("admin")).get("/api/documents/" + doc + "/annotations")
                    .then().statusCode(200).body("id.size()", equalTo(2));
            var report = given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/report")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("reviewer2"), report.getList("reviewers.username"));
            assertNull(report.get("agreement"), "no agreement while blind");

            blind(doc, false);
            assertNotNull(rob.await("\"type\":\"reveal\"", Duration.ofSeconds(5)), "the reveal is announced");
            given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/annotations")
                    .then().statusCode(200).body("id.size()", equalTo(2));
            given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/annotations/" + ritas).then().statusCode(200);
            assertNotNull(given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/report")
                    .then().statusCode(200).extract().jsonPath().get("agreement"));
        }
    }
}
