package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** A change of the codebook reaches every open reading page, of any document and any group; a refused change reaches none. */
@QuarkusTest
class CodebookEventTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void aTagChangeIsAnnouncedToOpenPagesAndARefusedOneIsNot() throws Exception {
        String doc = Documents.importText("Codebook news " + System.nanoTime() % 1_000_000 + "\n\nA page left open while the codebook changes.");
        String slug = "news-" + System.nanoTime() % 1_000_000;
        try (EventStream page = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer4"), null);
                EventStream bundled = new EventStream(new URL(base, "/api/documents/" + Documents.bundledId() + "/events").toString(),
                        Tokens.of("reviewer1"), null)) {
            page.everythingReplayed();
            bundled.everythingReplayed();
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                    .body(Map.of("slug", slug, "name", "News", "color", "#fefefe", "description", "Refused: too pale to see."))
                    .post("/api/tags").then().statusCode(400);
            assertFalse(page.everythingUntilOwnPresence(base.toString(), doc, "reviewer4").contains("codebook-changed"),
                    "a refused change is not announced");
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                    .body(Map.of("slug", slug, "name", "News", "color", "#2a4365", "description", "Announced to open pages."))
                    .post("/api/tags").then().statusCode(201);
            assertNotNull(page.awaitEvent(e -> e.name().equals("codebook-changed") && e.data().contains("\"actor\":\"admin\""),
                    Duration.ofSeconds(10), new StringBuilder()), "the page of another group's reviewer hears of it");
            assertNotNull(bundled.awaitEvent(e -> e.name().equals("codebook-changed"), Duration.ofSeconds(10), new StringBuilder()),
                    "so does a page of another document");
        } finally {
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                    .put("/api/tags/" + slug);
        }
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceDropsThisInstancesCopyOfTheCodebookBeforePagesAreTold() throws Exception {
        String doc = Documents.importText("Codebook elsewhere " + System.nanoTime() % 1_000_000 + "\n\nA page of this instance.");
        String slug = "elsewhere-" + System.nanoTime() % 1_000_000;
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").then().statusCode(200); // this instance's copy
        try (EventStream page = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer1"), null)) {
            page.everythingReplayed();
            // what another instance's change leaves: the row, and its announcement at commit (this instance's cache untouched)
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into tag (slug, name, color, description, position) values (:s, 'Elsewhere', '#2a4365', "
                        + "'Added by another instance.', 999)").setParameter("s", slug).executeUpdate();
                em.createNativeQuery("select pg_notify('annotation_events', '{\"type\":\"codebook-changed\",\"actor\":\"admin\"}')")
                        .getSingleResult();
            });
            assertNotNull(page.awaitEvent(e -> e.name().equals("codebook-changed"), Duration.ofSeconds(10), new StringBuilder()));
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").then().statusCode(200).body("slug", hasItem(slug));
        } finally {
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                    .put("/api/tags/" + slug);
        }
    }
}
