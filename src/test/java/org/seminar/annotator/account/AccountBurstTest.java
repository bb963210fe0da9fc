package org.seminar.annotator.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Tokens;

/**
 * A lecture hall arriving at once: more simultaneous first requests than the app has worker threads,
 * while no account's state is known. Each would ask Keycloak and wait; waiting requests once held every
 * worker thread the Keycloak client needed to answer, and the app stopped answering anyone.
 */
@QuarkusTest
class AccountBurstTest {

    static final int REQUESTS = 400;

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountStatus accounts;

    @Test
    void moreSimultaneousFirstRequestsThanWorkerThreadsAreAllAnswered() throws Exception {
        List<String> tokens = List.of(Tokens.bearer("reviewer1"), Tokens.bearer("reviewer2"), Tokens.bearer("reviewer3"),
                Tokens.bearer("reviewer4"));
        accounts.forgetAll();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<Integer>> answers = IntStream.range(0, REQUESTS).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "api/me")).header("Authorization", tokens.get(i % tokens.size()))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode).exceptionally(e -> -1)).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(a -> statuses.merge(a.join(), 1, Integer::sum));
        assertEquals(Map.of(200, REQUESTS), statuses, "every request answered (-1: no answer within 60 s)");
    }
}
