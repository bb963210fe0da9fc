package org.seminar.annotator.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client of the event stream: reads server-sent events into a queue on a thread of its own. */
final class EventStream implements AutoCloseable {

    /** One received event. */
    record Event(String id, String name, String data) {
    }

    /** The name given to the server's {@code : connected} comment, which follows any replay. */
    static final String CONNECTED = ":connected";

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    volatile int status;
    /** Keep-alive comment lines received so far. */
    final java.util.concurrent.atomic.AtomicInteger keepAlives = new java.util.concurrent.atomic.AtomicInteger();

    EventStream(String url, String bearer, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        lines = response.body();
        reader = new Thread(() -> {
            String id = null, name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith(":") && line.contains("keep-alive")) {
                        keepAlives.incrementAndGet();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith(":") && line.substring(1).strip().equals("connected")) {
                        events.add(new Event(null, CONNECTED, ""));
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // stream closed by the test
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next event whose data mentions {@code text}, waiting up to the limit; null if none came. */
    Event await(String text, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Event e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.data().contains(text)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Waits for the first event that matches, appending every event received until then (the match
     * included) to {@code seen} as "id name data" lines; null if none matched within the limit.
     */
    Event awaitEvent(java.util.function.Predicate<Event> match, Duration limit, StringBuilder seen) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Event e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null) {
                seen.append(e.id()).append(' ').append(e.name()).append(' ').append(e.data()).append('\n');
                if (match.test(e)) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Everything received until an event the reader's own presence report produces arrives: proof
     * that the stream was live the whole time, so what is missing from the list never came. Fails
     * when the proof does not arrive within 10 s.
     */
    String everythingUntilOwnPresence(String baseUrl, String documentId, String username) throws InterruptedException {
        io.restassured.RestAssured.given().baseUri(baseUrl).header("Authorization", org.seminar.annotator.support.Tokens.bearer(username))
                .contentType("application/json").body(java.util.Map.of())
                .put("/api/documents/" + documentId + "/presence").then().statusCode(204);
        StringBuilder seen = new StringBuilder();
        Event proof = awaitEvent(e -> e.name().equals("presence") && e.data().contains("\"" + username + "\""), Duration.ofSeconds(10), seen);
        if (proof == null) {
            throw new AssertionError("the stream of " + username + " did not deliver their own presence within 10 s");
        }
        return seen.toString();
    }

    /** Everything replayed before the server's {@code : connected} line, as "id name data" lines; fails after 10 s without it. */
    String everythingReplayed() throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        if (awaitEvent(e -> e.name().equals(CONNECTED), Duration.ofSeconds(10), seen) == null) {
            throw new AssertionError("the stream did not finish its replay within 10 s");
        }
        return seen.toString();
    }

    /** Whether the server ended the stream (the reading thread reached its end). */
    boolean endedByServer(Duration limit) throws InterruptedException {
        reader.join(limit.toMillis());
        return !reader.isAlive();
    }

    List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
