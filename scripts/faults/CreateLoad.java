import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that create annotations one after the other, as fast as they are answered, until a stop file appears:
 * one line per request (started and answered in ms since the epoch, status or "timeout"/"error", the created id or
 * the Retry-After and Content-Type headers of a refusal).
 * Usage: java scripts/faults/CreateLoad.java URL TOKEN BODY CLIENTS DEADLINE_SECONDS STOP_FILE OUT_FILE
 * (the status 0 with "timeout" means no answer within the deadline).
 */
public class CreateLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        String body = args[2];
        int clients = Integer.parseInt(args[3]);
        Duration deadline = Duration.ofSeconds(Long.parseLong(args[4]));
        Path stop = Path.of(args[5]);
        Path out = Path.of(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(deadline).build();
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (!Files.exists(stop)) {
                    long t0 = System.currentTimeMillis();
                    String outcome;
                    String id = "-";
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(deadline).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        outcome = String.valueOf(r.statusCode());
                        if (r.statusCode() == 201) {
                            Matcher m = ID.matcher(r.body());
                            id = m.find() ? m.group(1) : "?";
                        } else {
                            id = "retry-after=" + r.headers().firstValue("Retry-After").orElse("none") + ";type="
                                    + r.headers().firstValue("Content-Type").orElse("none");
                        }
                    } catch (java.net.http.HttpTimeoutException e) {
                        outcome = "timeout";
                    } catch (IOException e) {
                        outcome = "error";
                    } catch (InterruptedException e) {
                        return;
                    }
                    lines.add(t0 + "\t" + System.currentTimeMillis() + "\t" + outcome + "\t" + id);
                    if (!outcome.equals("201")) {
                        try {
                            Thread.sleep(100); // a refused client tries again a moment later, not in a busy loop
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            lines.forEach(w::println);
        }
    }
}
