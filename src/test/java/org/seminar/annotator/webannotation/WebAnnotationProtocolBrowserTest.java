package org.seminar.annotator.webannotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The W3C Web Annotation Protocol's own server test page (web-platform-tests {@code annotation-protocol}) run in Chromium
 * against a reviewer's container, once from the app's origin and once from another origin, as a browser annotation client
 * with a bearer token runs. Every test of the page passes but two that do not apply here: HTTPS (the tests run on plain
 * HTTP) and an update that moves the annotation to another web page (an annotation's passage cannot move; the server
 * answers 400 with the constraints link).
 */
@QuarkusTest
class WebAnnotationProtocolBrowserTest {

    /** The page's tests that cannot pass on this server, by name (see the class comment). */
    static final List<String> NOT_APPLICABLE = List.of("Annotation update must be done with the PUT method",
            "[RECOMMENDED] Annotation server SHOULD use HTTPS rather than HTTP");
    /** How long the page may take to run its tests. */
    static final Duration PAGE_RUN = Duration.ofSeconds(60);
    /** How long without a new result before the page counts as stopped. */
    static final Duration STALL = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Test
    void theW3cServerTestPagePassesFromTheSameOriginAndFromAnother() throws Exception {
        String doc = Documents.importText("Protocol test page\n\nA paragraph that a W3C client annotates from a browser.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String paragraphUrl = new URL(base, "/api/documents/" + doc + "/paragraphs/" + paragraph).toString();
        ProtocolTestPage.target = new ObjectMapper().writeValueAsString(Map.of("source", paragraphUrl,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "annotates")));
        String annotation = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/ld+json")
                .body(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                        "body", Map.of("type", "TextualBody", "purpose", "tagging", "value", "neutrality"),
                        "target", Map.of("source", paragraphUrl, "selector", Map.of("type", "TextQuoteSelector", "exact", "paragraph"))))
                .post("/annotations/" + doc + "/").then().statusCode(201).extract().header("Location");
        String container = new URL(base, "/annotations/" + doc + "/").toString();

        Map<String, Integer> sameOrigin = run(new URL(base, ProtocolTestPage.PATH + ProtocolTestPage.PAGE).toString(), container, annotation);
        HttpServer other = ProtocolTestPage.otherOrigin();
        Map<String, Integer> otherOrigin;
        try {
            otherOrigin = run("http://127.0.0.1:" + other.getAddress().getPort() + ProtocolTestPage.PATH + ProtocolTestPage.PAGE,
                    container, annotation);
        } finally {
            other.stop(0);
        }
        System.out.printf("W3C protocol server test page: same origin %d/%d passed, other origin %d/%d passed%n",
                sameOrigin.get("passed"), sameOrigin.get("total"), otherOrigin.get("passed"), otherOrigin.get("total"));
        int applicable = sameOrigin.get("total") - NOT_APPLICABLE.size();
        assertEquals(applicable, sameOrigin.get("passed"), "same origin: every applicable test of the page passes");
        assertEquals(applicable, otherOrigin.get("passed"), "other origin: every applicable test of the page passes");
    }

    /**
     * Opens the page, gives it the container and annotation, runs it and counts what passed (the rest printed). The
     * page's script can stop half way (it throws on a 2xx answer without Content-Type, and that test never finishes):
     * after {@link #STALL} without a new result, what has not finished counts as not passed.
     */
    private Map<String, Integer> run(String page, String container, String annotation) {
        try (Browser browser = new Browser()) {
            browser.driver.get(page + "#token=" + Tokens.of("reviewer1"));
            browser.driver.findElement(By.id("uri")).sendKeys(container);
            browser.driver.findElement(By.id("annotation")).sendKeys(annotation);
            browser.driver.findElement(By.id("endpoint-submit-button")).click();
            long deadline = System.nanoTime() + PAGE_RUN.toNanos();
            long lastChange = System.nanoTime();
            long seen = -1;
            while (System.nanoTime() < deadline && !(Boolean) browser.driver.executeScript("return window.protocolProgress.complete")) {
                long results = (Long) browser.driver.executeScript("return Object.keys(window.protocolProgress.results).length");
                if (results != seen) {
                    seen = results;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            @SuppressWarnings("unchecked")
            List<String> declared = (List<String>) browser.driver.executeScript("return window.protocolProgress.declared");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) browser.driver
                    .executeScript("return window.protocolProgress.results");
            List<String> failed = declared.stream().filter(n -> !results.containsKey(n) || ((Number) results.get(n).get("status")).intValue() != 0)
                    .map(n -> n + ": " + (results.containsKey(n) ? results.get(n).get("message") : "never finished")).collect(Collectors.toList());
            System.out.println("W3C protocol test page at " + page + ": " + (declared.size() - failed.size()) + "/" + declared.size()
                    + " passed; not passed:\n  " + String.join("\n  ", failed));
            assertEquals(NOT_APPLICABLE, failed.stream().map(f -> f.substring(0, f.indexOf(": "))).toList(),
                    "only the tests that do not apply here fail, from " + page);
            return Map.of("passed", declared.size() - failed.size(), "total", declared.size());
        }
    }
}
