package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.AppInstance;
import org.seminar.annotator.support.Tokens;

/**
 * Two packaged app instances on different ports sharing one PostgreSQL and one Keycloak, as behind a
 * load balancer: events travel between them through PostgreSQL LISTEN/NOTIFY.
 */
class TwoInstancesIT {

    @Test
    void anAnnotationCreatedThroughOneInstanceReachesSubscribersOfTheOther() throws Exception {
        try (AppInstance a = new AppInstance("instance-a"); AppInstance b = new AppInstance("instance-b")) {
            String doc = given().baseUri(a.url()).header("Authorization", Tokens.bearer("admin")).contentType("text/plain")
                    .body("Two Instances\n\nOne paragraph shared by both servers.").post("/api/documents")
                    .then().statusCode(201).extract().path("id");
            String paragraph = given().baseUri(b.url()).header("Authorization", Tokens.bearer("reviewer2"))
                    .get("/api/documents/" + doc).then().statusCode(200).extract().path("sections[0].paragraphs[0].id");
            String onB = b.url() + "/api/documents/" + doc + "/events";
            try (EventStream rob = new EventStream(onB, Tokens.of("reviewer2"), null);
                    EventStream ravi = new EventStream(onB, Tokens.of("reviewer4"), null)) {
                String id = given().baseUri(a.url()).header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                        .body(Map.of("paragraphId", paragraph, "start", 0, "end", 3, "quote", "One", "tags", List.of("neutrality")))
                        .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
                EventStream.Event created = rob.await(id, Duration.ofSeconds(5));
                assertNotNull(created, "the subscriber of instance B hears of what instance A stored");
                assertEquals("annotation-created", created.name());
                assertFalse(ravi.everythingUntilOwnPresence(a.url(), doc, "reviewer4").contains(id),
                    "a reviewer of another group receives nothing (their own presence, sent through instance A, arrives)");

                given().baseUri(a.url()).header("Authorization", Tokens.bearer("reviewer1")).delete("/api/annotations/" + id)
                        .then().statusCode(204);
                try (EventStream resumed = new EventStream(a.url() + "/api/documents/" + doc + "/events", Tokens.of("reviewer2"),
                        created.id())) {
                    assertEquals("annotation-deleted", resumed.await(id, Duration.ofSeconds(5)).name(),
                            "a reconnect to the other instance with Last-Event-ID gets what it missed");
                }
            }
        }
    }
}
