import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak: USERS simulated people for SECONDS, 70 % reading (the reading page's list and the document,
 * one request about every second), 20 % writing (an annotation about every 2 s), 10 % holding an
 * event stream open (reconnecting with Last-Event-ID when it drops). Every answer that is not 2xx,
 * every exception and every stream that ends before the soak does counts as an error. Prints p50,
 * p99 and max per kind, the errors, the events streamed, and the app's resident memory at the start,
 * the middle and the end.
 * Usage: java scripts/faults/Soak.java APP KEYCLOAK_REALM_URL DOC PARAGRAPH QUOTE USERS SECONDS APP_PID
 */
public class Soak {
    /** An access token per user, renewed before the realm's five-minute lifespan ends. */
    static final class Tokens {
        final HttpClient http;
        final String realm;
        final Map<String, String[]> cache = new ConcurrentHashMap<>(); // user -> {token, fetched millis}

        Tokens(HttpClient http, String realm) {
            this.http = http;
            this.realm = realm;
        }

        /** One renewal at a time: 140 readers of four accounts must not all ask Keycloak at the same moment. */
        synchronized String of(String user) throws Exception {
            String[] t = cache.get(user);
            if (t != null && System.currentTimeMillis() - Long.parseLong(t[1]) < 200_000) {
                return t[0];
            }
            String form = "grant_type=password&client_id=annotator-web&client_secret=annotator-secret&username=" + user + "&password=" + user;
            String body = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + body);
            }
            cache.put(user, new String[] {m.group(1), String.valueOf(System.currentTimeMillis())});
            return m.group(1);
        }
    }

    static long rssMb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    static final Map<String, List<Long>> timings = new ConcurrentHashMap<>();
    static final AtomicLong errors = new AtomicLong();
    static final AtomicLong events = new AtomicLong();
    static final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    static void error(String what) {
        errors.incrementAndGet();
        if (firstErrors.size() < 10) {
            firstErrors.add(what);
        }
    }

    static void timed(String kind, HttpClient http, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            timings.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
            if (r.statusCode() / 100 != 2) {
                error(kind + " " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        } catch (Exception e) {
            error(kind + " " + e);
        }
    }

    static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis)); // think time around the mean
    }

    public static void main(String[] a) throws Exception {
        String app = a[0], realm = a[1], doc = a[2], paragraph = a[3], quote = a[4];
        int users = Integer.parseInt(a[5]);
        long seconds = Long.parseLong(a[6]);
        String pid = a[7];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Tokens tokens = new Tokens(http, realm);
        long end = System.currentTimeMillis() + seconds * 1000;
        int streamers = Math.max(1, users / 10), writers = users / 5, readers = users - streamers - writers;
        String[] readerNames = {"reviewer1", "reviewer2", "reviewer3", "reviewer4"};
        String body = "{\"paragraphId\":\"" + paragraph + "\",\"start\":0,\"end\":" + quote.length() + ",\"quote\":\""
                + quote.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"tags\":[\"neutrality\"],\"comment\":\"soak\"}";
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            String user = readerNames[i % readerNames.length];
            threads.add(new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        String path = ThreadLocalRandom.current().nextInt(4) == 0 ? "/api/documents/" + doc : "/api/documents/" + doc + "/annotations/compact";
                        timed("read", http, HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + tokens.of(user)).build());
                        pause(1000);
                    } catch (Exception e) {
                        error("reader " + e);
                    }
                }
            }));
        }
        for (int i = 0; i < writers; i++) {
            String user = i % 2 == 0 ? "reviewer1" : "reviewer2";
            threads.add(new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        timed("write", http, HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/annotations"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.of(user))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
                        pause(2000);
                    } catch (Exception e) {
                        error("writer " + e);
                    }
                }
            }));
        }
        for (int i = 0; i < streamers; i++) {
            String user = readerNames[i % readerNames.length];
            threads.add(new Thread(() -> {
                String last = null;
                while (System.currentTimeMillis() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/events"))
                                .header("Authorization", "Bearer " + tokens.of(user)).header("Accept", "text/event-stream");
                        if (last != null) {
                            request.header("Last-Event-ID", last);
                        }
                        HttpResponse<java.io.InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                        if (r.statusCode() != 200) {
                            error("stream " + r.statusCode());
                            pause(1000);
                            continue;
                        }
                        timings.computeIfAbsent("stream-open", k -> Collections.synchronizedList(new ArrayList<>()))
                                .add((System.nanoTime() - t0) / 1000);
                        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                            String line;
                            while (System.currentTimeMillis() < end && (line = lines.readLine()) != null) {
                                if (line.startsWith("id:")) {
                                    last = line.substring(3).strip();
                                    events.incrementAndGet();
                                }
                            }
                        }
                        // a stream the server closed is reopened, as the page does: the server closes the
                        // streams of an account whose groups changed; nothing of the sort happens here
                        if (System.currentTimeMillis() < end) {
                            error("stream of " + user + " ended by the server");
                        }
                    } catch (Exception e) {
                        if (System.currentTimeMillis() < end) {
                            error("stream " + e);
                        }
                    }
                }
            }));
        }
        long rssStart = rssMb(pid);
        threads.forEach(Thread::start);
        long rssMiddle = -1, rssMax = rssStart;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, end - System.currentTimeMillis())));
            long rss = rssMb(pid);
            rssMax = Math.max(rssMax, rss);
            if (rssMiddle < 0 && System.currentTimeMillis() > end - seconds * 500) {
                rssMiddle = rss;
            }
        }
        // streams block in a read until their next keep-alive: give them one heartbeat, then report
        for (Thread t : threads) {
            t.join(35_000);
        }
        long rssEnd = rssMb(pid);
        System.out.printf("users=%d (readers %d, writers %d, streams %d) seconds=%d%n", users, readers, writers, streamers, seconds);
        for (String kind : List.of("read", "write", "stream-open")) {
            List<Long> t = new ArrayList<>(timings.getOrDefault(kind, List.of()));
            Collections.sort(t);
            if (t.isEmpty()) {
                System.out.printf("%-11s n=0%n", kind);
                continue;
            }
            System.out.printf("%-11s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", kind, t.size(), t.get(t.size() / 2) / 1000.0,
                    t.get(Math.min(t.size() - 1, (int) Math.ceil(t.size() * 0.99) - 1)) / 1000.0, t.get(t.size() - 1) / 1000.0);
        }
        System.out.printf("events streamed=%d%n", events.get());
        System.out.printf("rss start=%d MB middle=%d MB end=%d MB max=%d MB%n", rssStart, rssMiddle, rssEnd, rssMax);
        System.out.printf("errors=%d%n", errors.get());
        firstErrors.forEach(e -> System.out.println("  " + e));
        System.exit(errors.get() == 0 ? 0 : 1);
    }
}
