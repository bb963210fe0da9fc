package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * What an operations team scrapes from {@code /q/metrics} (Prometheus text format, no sign-in): HTTP requests by route
 * and status (the write rate among them), the JDBC pool, calls to Keycloak, the JVM, and the app's own figures (open
 * event streams, events sent to them and the time to fan one out, PDF imports by outcome) — each after the work it counts.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void theMetricsAnOperationsTeamWatchesAreScraped() throws Exception {
        String doc = Documents.importText("Metrics\n\nA paragraph whose annotation is counted.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 2, "end", 11, "quote", "paragraph", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/users").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/pdf")
                .body(Files.readAllBytes(Path.of("src/test/resources/pdf-corpus/15-hindawi-heart-failure.pdf")))
                .post("/api/documents").then().statusCode(201);

        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> missing = new ArrayList<>();
        for (String series : List.of(
                "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/api/documents/\\{docId\\}/annotations\"",
                "agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "annotator_keycloak_calls_seconds_count\\{[^}]*outcome=\"success\"",
                "jvm_memory_used_bytes", "annotator_event_streams ", "annotator_pdf_imports_seconds_count\\{[^}]*exception=\"none\"")) {
            if (!Pattern.compile("(?m)^" + series).matcher(scraped).find()) {
                missing.add(series);
            }
        }
        assertTrue(missing.isEmpty(), "missing from /q/metrics: " + missing);
    }
}
