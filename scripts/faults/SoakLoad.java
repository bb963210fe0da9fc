import java.io.BufferedReader;
import java.io.InputStream;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak of simulated seminar users against one document for SECONDS: 70 % read (the document, the annotations of a
 * paragraph, now and then the whole annotation list), 20 % write (create an annotation on a paragraph), 10 % keep an
 * event stream open. Each reader and writer waits a random think time between its requests. Every answer that is not
 * 2xx, every request unanswered within the deadline and every event stream that ends before the run does is an error.
 * Prints errors, p50/p99 per kind and the app's resident memory at start, middle and end.
 * Usage: java SoakLoad.java APP REALM_URL DOC PARAGRAPHS_FILE USERS SECONDS APP_PID
 * (PARAGRAPHS_FILE: one "paragraphId TAB quote" a line, the quote the paragraph's first characters)
 */
public class SoakLoad {
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    static final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong events = new AtomicLong();
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static volatile boolean running = true;

    static String token(HttpClient http, String realm, String user) throws Exception {
        String form = "grant_type=password&client_id=annotator-web&client_secret=annotator-secret&username=" + user + "&password=" + user;
        String body = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
        }
        return m.group(1);
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

    static void record(String kind, long nanos) {
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    static void error(String kind, String what) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(kind + ": " + what);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void request(HttpClient http, String kind, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                error(kind, "status " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ")
                        .substring(0, Math.min(200, r.body().length)));
            } else {
                record(kind, System.nanoTime() - t0);
            }
        } catch (Exception e) {
            if (running) {
                error(kind, e.getClass().getSimpleName() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
    }

    public static void main(String[] a) throws Exception {
        String app = a[0], realm = a[1], doc = a[2];
        List<String[]> paragraphs = Files.readAllLines(Path.of(a[3])).stream().filter(l -> l.contains("\t")).map(l -> l.split("\t", 2)).toList();
        int users = Integer.parseInt(a[4]);
        int seconds = Integer.parseInt(a[5]);
        String pid = a[6];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEADLINE).build();
        for (String user : List.of("reviewer1", "reviewer2", "reviewer3")) {
            tokens.put(user, token(http, realm, user));
        }
        Thread refresher = new Thread(() -> {
            while (running) {
                sleep(120_000);
                for (String user : List.copyOf(tokens.keySet())) {
                    try {
                        tokens.put(user, token(http, realm, user));
                    } catch (Exception e) {
                        error("token", e.toString());
                    }
                }
            }
        });
        refresher.setDaemon(true);
        refresher.start();

        int streams = Math.max(1, users / 10);
        int writers = users / 5;
        int readers = users - streams - writers;
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < streams; i++) {
            String user = i % 2 == 0 ? "reviewer2" : "reviewer3";
            threads.add(new Thread(() -> stream(http, app, doc, user, end), "stream-" + i));
        }
        for (int i = 0; i < writers; i++) {
            int n = i;
            threads.add(new Thread(() -> {
                Random random = new Random(n);
                sleep(random.nextInt(5000));
                while (System.nanoTime() < end) {
                    String[] p = paragraphs.get(random.nextInt(paragraphs.size()));
                    String quote = p[1];
                    String body = "{\"paragraphId\":\"" + p[0] + "\",\"start\":0,\"end\":" + quote.length() + ",\"quote\":\"" + quote
                            + "\",\"tags\":[\"neutrality\"],\"comment\":\"Soak " + n + "\"}";
                    request(http, "write", HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/annotations")).timeout(DEADLINE)
                            .header("Authorization", "Bearer " + tokens.get("reviewer1")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    sleep(3000 + random.nextInt(4000));
                }
            }, "writer-" + i));
        }
        for (int i = 0; i < readers; i++) {
            int n = i;
            threads.add(new Thread(() -> {
                Random random = new Random(1000 + n);
                sleep(random.nextInt(3000));
                while (System.nanoTime() < end) {
                    int pick = random.nextInt(10);
                    String path = pick < 5 ? "/api/documents/" + doc
                            : pick < 9 ? "/api/documents/" + doc + "/annotations?paragraphId=" + paragraphs.get(random.nextInt(paragraphs.size()))[0]
                            : "/api/documents/" + doc + "/annotations";
                    String kind = pick < 5 ? "read-document" : pick < 9 ? "read-paragraph-annotations" : "read-all-annotations";
                    request(http, kind, HttpRequest.newBuilder(URI.create(app + path)).timeout(DEADLINE)
                            .header("Authorization", "Bearer " + tokens.get("reviewer2")).build());
                    sleep(1000 + random.nextInt(2000));
                }
            }, "reader-" + i));
        }
        List<Long> rss = new ArrayList<>();
        rss.add(rssMb(pid));
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        System.out.printf("%d users (%d readers, %d writers, %d event streams) for %d s; app RSS %d MB%n", users, readers, writers, streams,
                seconds, rss.get(0));
        while (System.nanoTime() < end) {
            sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            rss.add(rssMb(pid));
        }
        running = false;
        for (Thread t : threads) {
            t.join(DEADLINE.toMillis() + 5000);
        }
        long total = 0;
        System.out.printf("%-28s %8s %9s %9s %9s%n", "kind", "count", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            total += sorted.size();
            System.out.printf("%-28s %8d %9.1f %9.1f %9.1f%n", e.getKey(), sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("requests answered: %d in %.0f s; events received by the streams: %d%n", total, (System.nanoTime() - started) / 1e9,
                events.get());
        System.out.println("errors: " + errorCount + (errors.isEmpty() ? "" : " " + new TreeMap<>(errors)));
        errorSamples.forEach(s -> System.out.println("  " + s));
        int mid = rss.size() / 2;
        System.out.printf("app RSS (MB): start %d, middle %d, end %d; every 10 s: %s%n", rss.get(0), rss.get(mid), rss.get(rss.size() - 1), rss);
        System.exit(errorCount == 0 ? 0 : 1);
    }

    /** One event stream held open for the whole run; connecting is timed, an early end is an error. */
    static void stream(HttpClient http, String app, String doc, String user, long end) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/events"))
                    .header("Authorization", "Bearer " + tokens.get(user)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                error("stream", "status " + r.statusCode());
                return;
            }
            record("stream-connect", System.nanoTime() - t0);
            Thread closer = new Thread(() -> {
                sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                try {
                    r.body().close();
                } catch (Exception ignored) {
                    // ends the read below
                }
            });
            closer.setDaemon(true);
            closer.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.incrementAndGet();
                    }
                }
            }
            if (System.nanoTime() < end - 2_000_000_000L) {
                error("stream", "ended " + (end - System.nanoTime()) / 1_000_000_000L + " s before the run");
            }
        } catch (Exception e) {
            if (System.nanoTime() < end - 2_000_000_000L) {
                error("stream", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
