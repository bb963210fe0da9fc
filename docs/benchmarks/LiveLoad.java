import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Live-update load: READERS event streams (as reviewer2) on one document while annotations are created
 * (as reviewer1) at RATE per second for SECONDS; every delivery's delay from the start of its POST is
 * recorded, and the app's resident memory is sampled every 10 s.
 * Usage: java LiveLoad.java APP KEYCLOAK_REALM_URL DOC PARAGRAPH QUOTE READERS RATE SECONDS APP_PID
 */
public class LiveLoad {
    static String token(HttpClient http, String realm, String user) throws Exception {
        String form = "grant_type=password&client_id=annotator-web&client_secret=annotator-secret&username=" + user + "&password=" + user;
        String body = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        m.find();
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

    public static void main(String[] a) throws Exception {
        String app = a[0], realm = a[1], doc = a[2], paragraph = a[3], quote = a[4];
        int readers = Integer.parseInt(a[5]), rate = Integer.parseInt(a[6]), seconds = Integer.parseInt(a[7]);
        String pid = a[8];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        // receipts are matched to send times after the run: an event may arrive before its POST returns
        List<Object[]> receipts = Collections.synchronizedList(new ArrayList<>());
        AtomicLong connected = new AtomicLong();
        String readerToken = token(http, realm, "reviewer2");
        Pattern idPattern = Pattern.compile("\"id\":\"([a-z0-9]+)\"");
        for (int i = 0; i < readers; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/events"))
                    .header("Authorization", "Bearer " + readerToken).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                connected.incrementAndGet();
                Thread t = new Thread(() -> {
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> {
                            if (line.startsWith("data:") && line.contains("annotation-created")) {
                                Matcher m = idPattern.matcher(line);
                                if (m.find()) {
                                    receipts.add(new Object[] { m.group(1), System.nanoTime() });
                                }
                            }
                        });
                    } catch (RuntimeException closed) {
                        // ends with the run
                    }
                });
                t.setDaemon(true);
                t.start();
            });
        }
        long connectBy = System.nanoTime() + 120_000_000_000L;
        while (connected.get() < readers) {
            if (System.nanoTime() > connectBy) {
                System.out.printf("only %d of %d readers connected within 120 s%n", connected.get(), readers);
                System.exit(1);
            }
            Thread.sleep(50);
        }
        System.out.printf("%d readers connected; app RSS %d MB%n", readers, rssMb(pid));
        String escapedQuote = quote.replace("\"", "\\\"");
        String writer = token(http, realm, "reviewer1");
        long tokenAt = System.currentTimeMillis();
        long start = System.nanoTime();
        long created = 0, failed = 0;
        long nextSample = System.currentTimeMillis() + 10_000;
        List<Long> rss = new ArrayList<>();
        rss.add(rssMb(pid));
        Pattern created201 = Pattern.compile("\"id\":\"([a-z0-9]+)\"");
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            if (System.currentTimeMillis() - tokenAt > 240_000) {
                writer = token(http, realm, "reviewer1");
                tokenAt = System.currentTimeMillis();
            }
            long due = start + (long) (created * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"paragraphId\":\"" + paragraph + "\",\"start\":0,\"end\":" + quote.length() + ",\"quote\":\"" + escapedQuote
                    + "\",\"tags\":[\"neutrality\"]}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app + "/api/documents/" + doc + "/annotations"))
                    .header("Authorization", "Bearer " + writer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            created++;
            if (r.statusCode() != 201) {
                failed++;
                continue;
            }
            Matcher m = created201.matcher(r.body());
            if (m.find()) {
                sentAt.put(m.group(1), t0);
            }
            if (System.currentTimeMillis() > nextSample) {
                rss.add(rssMb(pid));
                nextSample += 10_000;
            }
        }
        Thread.sleep(2000);
        rss.add(rssMb(pid));
        List<Double> sorted = new ArrayList<>();
        synchronized (receipts) {
            for (Object[] r : receipts) {
                Long t0 = sentAt.get((String) r[0]);
                if (t0 != null) {
                    sorted.add(((Long) r[1] - t0) / 1e6);
                }
            }
        }
        Collections.sort(sorted);
        long expected = (created - failed) * readers;
        System.out.printf("created %d annotations (%d failed) in %d s; deliveries %d of %d expected%n", created, failed, seconds,
                sorted.size(), expected);
        if (!sorted.isEmpty()) {
            System.out.printf("delivery delay from POST: median %.1f ms, p99 %.1f ms, max %.1f ms; within 250 ms: %.2f%%%n",
                    sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1),
                    100.0 * sorted.stream().filter(d -> d <= 250).count() / sorted.size());
        }
        System.out.println("app RSS samples (MB, every 10 s): " + rss);
        System.exit(0);
    }
}
