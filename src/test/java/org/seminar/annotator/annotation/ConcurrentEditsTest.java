package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Optimistic locking under real concurrency: of 20 writers holding one version, exactly one lands. */
@QuarkusTest
class ConcurrentEditsTest {

    static final int WRITERS = 20;

    @TestHTTPResource("/")
    URL base;

    @Test
    void twentyParallelEditsOfOneVersionGiveOneSuccessAndNineteenConflicts() throws Exception {
        String annotation = newAnnotation();
        Map<Integer, Integer> statuses = putConcurrently("/api/annotations/" + annotation,
                i -> "{\"version\":1,\"comment\":\"edit number " + i + "\"}");
        assertEquals(Map.of(200, 1, 409, WRITERS - 1), statuses);
        assertEquals(2, (int) given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + annotation)
                .then().statusCode(200).extract().path("version"));
        List<String> actions = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + annotation + "/history")
                .then().statusCode(200).extract().path("action");
        assertEquals(List.of("create", "update"), actions, "one update in the history");
    }

    @Test
    void twentyParallelEditsOfOneReplyVersionGiveOneSuccessAndNineteenConflicts() throws Exception {
        String annotation = newAnnotation();
        String reply = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("comment", "first")).post("/api/annotations/" + annotation + "/replies").then().statusCode(201)
                .extract().path("id");
        Map<Integer, Integer> statuses = putConcurrently("/api/annotations/" + annotation + "/replies/" + reply,
                i -> "{\"version\":1,\"comment\":\"reply edit " + i + "\"}");
        assertEquals(Map.of(200, 1, 409, WRITERS - 1), statuses);
        List<String> actions = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + annotation + "/history")
                .then().statusCode(200).extract().path("action");
        assertEquals(List.of("create", "reply", "reply-update"), actions, "one reply update in the history");
    }

    @Test
    void twentyParallelTagChangesOfOneVersionGiveOneSuccessAndAProblemForEachOther() throws Exception {
        String annotation = newAnnotation();
        Map<Integer, Integer> statuses = putConcurrently("/api/annotations/" + annotation,
                i -> "{\"version\":1,\"tags\":[\"" + (i % 2 == 0 ? "non-alignment" : "strategic-autonomy") + "\"]}");
        assertEquals(Map.of(200, 1, 409, WRITERS - 1), statuses);
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("version", 1, "comment", "stale")).put("/api/annotations/" + annotation).then().statusCode(409)
                .contentType("application/problem+json");
    }

    /**
     * The same new tag set from every writer: a writer who read version 1 but the tags of version 2 would find nothing to
     * change and answer 200 on a version that no longer exists, unless the row is taken at its version first.
     */
    @RepeatedTest(5)
    void twentyParallelIdenticalTagChangesGiveOneSuccessAndAConflictForEachOther() throws Exception {
        String annotation = newAnnotation();
        Map<Integer, Integer> statuses = putConcurrently("/api/annotations/" + annotation, i -> "{\"version\":1,\"tags\":[\"non-alignment\"]}");
        assertEquals(Map.of(200, 1, 409, WRITERS - 1), statuses);
    }

    @Test
    void tagsKeepTheirVersionAndTheirSlugUnderConcurrency() throws Exception {
        String slug = "race-" + System.nanoTime() % 1_000_000;
        Map<Integer, Integer> created = sendConcurrently("POST", "/api/tags", "admin",
                i -> "{\"slug\":\"" + slug + "\",\"name\":\"Race " + i + "\",\"color\":\"#336699\",\"description\":\"A race.\"}");
        assertEquals(Map.of(201, 1, 409, WRITERS - 1), created, "one tag per slug");
        Map<Integer, Integer> renamed = sendConcurrently("PUT", "/api/tags/" + slug, "admin",
                i -> "{\"version\":1,\"name\":\"Renamed " + i + "\"}");
        assertEquals(Map.of(200, 1, 409, WRITERS - 1), renamed);
        given().header("Authorization", Tokens.bearer("admin")).get("/api/tags").then().statusCode(200)
                .body("find { it.slug == '" + slug + "' }.version", org.hamcrest.Matchers.equalTo(2));
        // retired and never used, it leaves the codebook other tests see
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                .put("/api/tags/" + slug).then().statusCode(200);
    }

    @Test
    void twentyParallelCreatesAreEachStoredOnceWithTheirHistoryAndJournalEntry() throws Exception {
        String doc = Documents.importText("Concurrent Creates\n\nTwenty reviewers tag the same sentence at the same moment.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        Map<Integer, Integer> statuses = sendConcurrently("POST", "/api/documents/" + doc + "/annotations", "reviewer1",
                i -> "{\"paragraphId\":\"" + paragraph + "\",\"start\":0,\"end\":6,\"quote\":\"Twenty\",\"tags\":[\"neutrality\"],"
                        + "\"comment\":\"create number " + i + "\"}");
        assertEquals(Map.of(201, WRITERS), statuses, "every create acknowledged");
        List<String> comments = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations")
                .then().statusCode(200).extract().path("comment");
        assertEquals(WRITERS, comments.size(), "every acknowledged create is stored");
        assertEquals(WRITERS, new java.util.HashSet<>(comments).size(), "each once");
        List<String> ids = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations")
                .then().extract().path("id");
        for (String id : ids.subList(0, 3)) {
            assertEquals(List.of("create"), given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/" + id + "/history")
                    .then().statusCode(200).extract().path("action"));
        }
    }

    private String newAnnotation() {
        String doc = Documents.importText("Concurrent Edits\n\nTwenty reviewers press save at the same moment.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        return given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 6, "quote", "Twenty", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    /** Sends WRITERS PUTs of reviewer1 released at one instant; returns how many got each status. */
    private Map<Integer, Integer> putConcurrently(String path, java.util.function.IntFunction<String> body) throws Exception {
        return sendConcurrently("PUT", path, "reviewer1", body);
    }

    /** Sends WRITERS requests of one user released at one instant; returns how many got each status. */
    private Map<Integer, Integer> sendConcurrently(String method, String path, String user, java.util.function.IntFunction<String> body)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = Tokens.of(user);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                Callable<Integer> put = () -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(new URL(base, path).toString()))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body.apply(n))).build();
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> f : results) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }
}
