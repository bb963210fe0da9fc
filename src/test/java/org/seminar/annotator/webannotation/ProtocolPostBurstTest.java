package org.seminar.annotator.webannotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * A burst of W3C protocol posts, ten times as many as the pool has connections, all at once: each post waits for the
 * group commit of its write, and the group-commit writers need a pool connection to write it. A post that waited
 * holding a connection (inside a transaction) let the burst take every connection, so that the writers could not
 * write, every post failed after the pool's acquisition timeout and reads meanwhile found no connection either.
 */
@QuarkusTest
class ProtocolPostBurstTest {

    static final int POSTS = 200;
    /** The whole burst, answered on two shared cores: far more than it takes, far less than timeouts piling up. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    /**
     * A read during the burst queues behind two hundred posts for worker threads and the two cores (shared with the
     * test's own client): it must be answered 200, not wait out the pool's acquisition timeout and fail.
     */
    static final Duration READ_DEADLINE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBurstOfProtocolPostsIsStoredWhileReadsAreAnswered() throws Exception {
        int pool = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        assertTrue(POSTS >= 10 * pool, "the burst is much larger than the pool (" + pool + ")");
        String doc = Documents.importText("Burst\n\nA paragraph that two hundred W3C clients tag at the same moment.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String token = Tokens.bearer("reviewer1");
        String body = new ObjectMapper().writeValueAsString(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                "body", List.of(Map.of("type", "TextualBody", "purpose", "tagging", "value", "neutrality")),
                "target", Map.of("source", "http://localhost/api/documents/" + doc + "/paragraphs/" + paragraph,
                        "selector", Map.of("type", "TextQuoteSelector", "exact", "two hundred"))));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        // a reader keeps reading the document while the burst is under way; each read must be answered in time
        AtomicBoolean bursting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> slowOrFailedReads = new ConcurrentLinkedQueue<>();
        List<Long> readMillis = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (bursting.get()) {
                long t0 = System.nanoTime();
                try {
                    int status = http.send(HttpRequest.newBuilder(URI.create(base + "api/documents/" + doc)).header("Authorization", token)
                            .timeout(READ_DEADLINE).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    synchronized (readMillis) {
                        readMillis.add(ms);
                    }
                    if (status != 200) {
                        slowOrFailedReads.add("status " + status + " after " + ms + " ms");
                    }
                } catch (Exception e) {
                    slowOrFailedReads.add(e.getClass().getSimpleName() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }
            }
        }, "reader-during-burst");

        long start = System.nanoTime();
        reader.start();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, POSTS).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "annotations/" + doc + "/")).header("Authorization", token)
                        .header("Content-Type", "application/ld+json").timeout(DEADLINE).POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString())).toList();
        CompletableFuture.allOf(answers.stream().map(a -> a.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                .get(DEADLINE.toSeconds() + 10, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        bursting.set(false);
        reader.join(READ_DEADLINE.toMillis() + 1000);

        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> locations = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.handle((ok, e) -> ok).join();
            outcomes.merge(r == null ? "no answer" : String.valueOf(r.statusCode()), 1, Integer::sum);
            if (r != null && r.statusCode() == 201) {
                locations.add(r.headers().firstValue("Location").orElseThrow());
            }
        }
        assertEquals(Map.of("201", POSTS), outcomes, "every post of the burst is created (took " + tookMillis + " ms)");
        assertTrue(tookMillis < DEADLINE.toMillis(), "the burst is answered within " + DEADLINE + ": " + tookMillis + " ms");
        assertTrue(slowOrFailedReads.isEmpty(), "reads during the burst are answered 200 within " + READ_DEADLINE + ": " + slowOrFailedReads);
        assertTrue(!readMillis.isEmpty(), "the reader read during the burst");
        System.out.printf("burst of %d W3C posts answered in %d ms; %d reads meanwhile, slowest %d ms%n", POSTS, tookMillis,
                readMillis.size(), readMillis.stream().mapToLong(Long::longValue).max().orElse(0));

        Set<String> stored = given().header("Authorization", token).get("/api/documents/" + doc + "/annotations").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class).stream().collect(Collectors.toSet());
        Set<String> created = locations.stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        assertEquals(POSTS, created.size(), "each post created its own annotation");
        assertEquals(created, stored, "every annotation answered 201 is stored");
    }
}
