package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** An open event stream is one long request: it ends when its account is disabled, like any other request would be refused. */
@QuarkusTest
class StreamAccessTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theStreamOfADisabledAccountIsClosedWithinAHeartbeat() throws Exception {
        String username = "stream" + System.nanoTime() % 1_000_000;
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "email", username + "@school.example.org",
                "firstName", "Test", "lastName", "Student", "password", "password-1", "temporary", false));
        user.put("roles", List.of("reviewer"));
        user.put("groups", List.of("seminar-a"));
        String id = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(user)
                .post("/api/admin/users").then().statusCode(201).extract().path("id");
        String doc = Documents.bundledId();
        try (EventStream stream = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(),
                Tokens.fresh(username, "password-1"), null)) {
            assertEquals(200, stream.status);
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("enabled", false))
                    .put("/api/admin/users/" + id).then().statusCode(200);
            assertTrue(stream.endedByServer(Duration.ofSeconds(25)), "the stream ends within a heartbeat (15 s)");
        }
    }
}
