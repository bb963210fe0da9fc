package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The listener's own database connection lost, or a notification it cannot read: streams still get
 * every event, in order, once each (the listener catches up from the journal after it reconnects).
 */
@QuarkusTest
class ListenerReconnectTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource dataSource;

    String create(String doc, String paragraph) {
        return given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 11, "quote", "A paragraph", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    /** The annotation ids of the {@code annotation-created} events in the order received, collected until all wanted came or 15 s passed. */
    static List<String> createdUntil(EventStream stream, List<String> wanted, List<String> received) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!received.containsAll(wanted) && System.nanoTime() < deadline) {
            EventStream.Event e = stream.awaitEvent(x -> true, Duration.ofMillis(200), new StringBuilder());
            if (e != null && e.name().equals("annotation-created")) {
                received.add(JsonPath.from(e.data()).getString("id"));
            }
        }
        return received;
    }

    int terminateListener() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement kill = c.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, NotificationListener.APPLICATION_NAME);
            try (ResultSet r = kill.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void eventsCommittedWhileTheListenerReconnectsAreDeliveredOnceEachInOrder() throws Exception {
        String doc = Documents.importText("Reconnect\n\nA paragraph for a lost listener.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        try (EventStream rob = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer2"), null)) {
            assertEquals(200, rob.status);
            String before = create(doc, paragraph);
            assertNotNull(rob.await(before, Duration.ofSeconds(10)), "the stream is live before the connection is lost");

            assertEquals(1, terminateListener(), "the listener's connection, found by its application name, is ended");
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                during.add(create(doc, paragraph)); // committed at once, while the listener reconnects
            }
            List<String> received = createdUntil(rob, during, new ArrayList<>());
            assertEquals(during, received, "every event committed during the reconnect arrives, in order");

            String after = create(doc, paragraph);
            createdUntil(rob, List.of(after), received);
            // the stream's own presence comes after everything sent before it: nothing more is on its way
            String rest = rob.everythingUntilOwnPresence(base.toString(), doc, "reviewer2");
            Map<String, Integer> times = new TreeMap<>();
            received.forEach(id -> times.merge(id, 1, Integer::sum));
            during.forEach(id -> assertTrue(!rest.contains(id), "no event is delivered twice: " + id + " again in\n" + rest));
            assertEquals(1, times.get(after), "the stream is live again after the reconnect: " + times);
            times.forEach((id, n) -> assertEquals(1, n, "delivered once: " + id));
        }
    }

    @Test
    void aNotificationThatCannotBeReadDoesNotCostTheOnesAfterIt() throws Exception {
        String doc = Documents.importText("Unreadable\n\nA paragraph next to a bad notification.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        try (EventStream rob = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer2"), null)) {
            String first = create(doc, paragraph);
            assertNotNull(rob.await(first, Duration.ofSeconds(10)));
            String groupId;
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select group_id from annotation_event where annotation_id = ?")) {
                q.setString(1, first);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    groupId = r.getString(1);
                }
            }
            // one transaction, so both reach the listener together: an unreadable payload, then a presence event
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement notify = c.prepareStatement("select pg_notify('annotation_events', ?)")) {
                    notify.setString(1, "{not an event");
                    notify.execute();
                    notify.setString(1, "{\"id\":0,\"type\":\"presence\",\"documentId\":\"" + doc + "\",\"groupId\":\"" + groupId
                            + "\",\"actor\":\"after-the-unreadable\"}");
                    notify.execute();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            assertNotNull(rob.await("after-the-unreadable", Duration.ofSeconds(10)), "the event after the unreadable one is delivered");
            String next = create(doc, paragraph);
            assertNotNull(rob.await(next, Duration.ofSeconds(10)), "and so is what follows");
        }
    }
}
