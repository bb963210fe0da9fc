package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** The event stream: delivered through PostgreSQL NOTIFY, filtered per subscriber, resumable with Last-Event-ID. */
@QuarkusTest
class EventStreamTest {

    @TestHTTPResource("/")
    URL base;

    String create(String user, String doc, String paragraph, String quote) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", quote.length(), "quote", quote, "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    @Test
    void groupMembersHearOfChangesOthersDoNotAndAReconnectGetsWhatItMissed() throws Exception {
        String doc = Documents.importText("Live\n\nA paragraph for live updates.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String url = new URL(base, "/api/documents/" + doc + "/events").toString();

        try (EventStream rob = new EventStream(url, Tokens.of("reviewer2"), null);
                EventStream ravi = new EventStream(url, Tokens.of("reviewer4"), null)) {
            assertEquals(200, rob.status);
            String id = create("reviewer1", doc, paragraph, "A paragraph");
            EventStream.Event created = rob.await(id, Duration.ofSeconds(5));
            assertNotNull(created, "seminar-a member hears of the new annotation");
            assertEquals("annotation-created", created.name());
            assertTrue(created.data().contains("\"actor\":\"reviewer1\""));

            given().header("Authorization", Tokens.bearer("reviewer3")).contentType("application/json").body(Map.of("comment", "Yes"))
                    .post("/api/annotations/" + id + "/replies").then().statusCode(201);
            assertEquals("reply-created", rob.await(id, Duration.ofSeconds(5)).name());
            assertFalse(ravi.everythingUntilOwnPresence(base.toString(), doc, "reviewer4").contains(id),
                    "seminar-b hears nothing of seminar-a's annotation");

            String lastSeen = created.id();
            // deleted by moderation (the author's own delete would withdraw it, as others replied)
            given().header("Authorization", Tokens.bearer("admin")).delete("/api/annotations/" + id).then().statusCode(204);
            assertEquals("annotation-deleted", rob.await(id, Duration.ofSeconds(5)).name());

            try (EventStream resumed = new EventStream(url, Tokens.of("reviewer2"), lastSeen)) {
                // the replay tells what is true now: the annotation is gone, so its reply is not replayed, its deletion is
                EventStream.Event first = resumed.await(id, Duration.ofSeconds(5));
                assertEquals("annotation-deleted", first.name(), "the deletion it missed is replayed, the reply of what is gone is not");
            }
            String kept = create("reviewer1", doc, paragraph, "A paragraph");
            given().header("Authorization", Tokens.bearer("reviewer3")).contentType("application/json").body(Map.of("comment", "Still here"))
                    .post("/api/annotations/" + kept + "/replies").then().statusCode(201);
            try (EventStream resumed = new EventStream(url, Tokens.of("reviewer2"), lastSeen)) {
                assertEquals("annotation-created", resumed.await(kept, Duration.ofSeconds(5)).name());
                assertEquals("reply-created", resumed.await(kept, Duration.ofSeconds(5)).name(), "the reply it missed follows");
            }
        }
        given().get("/api/documents/" + doc + "/events").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/nope/events").then().statusCode(404);
    }

    @Test
    void presenceShowsWhoElseReadsAndWhereToTheGroupOnly() throws Exception {
        String doc = Documents.bundledId();
        String section = Documents.document(doc).getString("sections[2].id");
        String url = new URL(base, "/api/documents/" + doc + "/events").toString();
        try (EventStream rob = new EventStream(url, Tokens.of("reviewer2"), null)) {
            given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("sectionId", section))
                    .put("/api/documents/" + doc + "/presence").then().statusCode(204);
            EventStream.Event presence = rob.await("\"type\":\"presence\"", Duration.ofSeconds(5));
            assertNotNull(presence, "co-members hear that someone arrived");
            assertNull(presence.id(), "presence is not journalled, so it carries no event id");
        }
        given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/presence").then().statusCode(200)
                .body("find { it.username == 'reviewer1' }.sectionId", org.hamcrest.Matchers.equalTo(section))
                .body("find { it.username == 'reviewer1' }.name", org.hamcrest.Matchers.equalTo("Rita Reviewer"));
        given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/documents/" + doc + "/presence").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("reviewer1")));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("sectionId", "<bad>"))
                .put("/api/documents/" + doc + "/presence").then().statusCode(400);
    }
}
