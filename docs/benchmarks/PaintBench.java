import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paint timings of the reading page in headless Chromium, spoken to over the DevTools protocol (the JDK's
 * WebSocket client; nothing to install but Chromium). Signs in with the session cookies of a curl cookie jar,
 * loads the page once to warm the cache, then RUNS times, and prints the median of: first contentful paint,
 * navigation → the first screen's highlights painted, navigation → every highlight painted (the page's User
 * Timing marks "annotator:first-screen" and "annotator:all-highlights", set after the frame that shows them).
 *
 * Usage: java docs/benchmarks/PaintBench.java URL COOKIE_JAR [RUNS] [WIDTHxHEIGHT]
 */
public class PaintBench {

    static final Pattern VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<String[]> cookies = readCookieJar(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String size = args.length > 3 ? args[3] : "1366x900";
        Path profile = Files.createTempDirectory("paint-bench");
        Process chromium = new ProcessBuilder(chromiumBinary(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + size.replace('x', ','),
                "about:blank").redirectErrorStream(true).start();
        try {
            String endpoint = devToolsEndpoint(chromium);
            try (Cdp cdp = Cdp.connect(endpoint)) {
                String target = field(cdp.call("Target.createTarget", "{\"url\":\"about:blank\"}", null), "targetId");
                String session = field(cdp.call("Target.attachToTarget", "{\"targetId\":\"" + target + "\",\"flatten\":true}", null), "sessionId");
                // the app's own cookies, one per call: DevTools drops a message that arrives in several WebSocket frames,
                // and all of Keycloak's cookies together make one that long
                for (String[] c : cookies) {
                    if (c[0].startsWith("q_")) {
                        cdp.call("Storage.setCookies", "{\"cookies\":[{\"name\":\"" + c[0] + "\",\"value\":\"" + c[1]
                                + "\",\"domain\":\"localhost\",\"path\":\"/\",\"httpOnly\":true}]}", null);
                    }
                }
                cdp.call("Page.enable", "{}", session);
                List<double[]> figures = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    double[] f = measure(cdp, session, url);
                    if (run > 0) {
                        figures.add(f);
                    }
                    System.err.printf("  run %d%s: fcp %.0f ms, first screen %.0f ms, all highlights %.0f ms, %d marks%n", run,
                            run == 0 ? " (warm-up)" : "", f[0], f[1], f[2], (long) f[3]);
                }
                System.out.printf("fcp_ms=%.0f first_screen_ms=%.0f all_highlights_ms=%.0f marks=%d runs=%d range_all=%.0f-%.0f%n",
                        median(figures, 0), median(figures, 1), median(figures, 2), (long) figures.get(0)[3], runs,
                        figures.stream().mapToDouble(f -> f[2]).min().orElse(0), figures.stream().mapToDouble(f -> f[2]).max().orElse(0));
            }
        } finally {
            // the renderer and GPU processes too: a leftover renderer of a heavy page would slow the next attempt
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroy();
            chromium.waitFor(10, TimeUnit.SECONDS);
            chromium.destroyForcibly();
        }
    }

    /** One navigation: waits for the page's last mark, returns {fcp, first screen, all highlights, number of marks}. */
    static double[] measure(Cdp cdp, String session, String url) throws Exception {
        cdp.call("Runtime.evaluate", "{\"expression\":\"window.__benchOld = true\"}", session);
        cdp.call("Page.navigate", "{\"url\":\"" + url + "\"}", session);
        String probe = "(() => { if (window.__benchOld || document.readyState === 'loading') return '';"
                + " const m = n => (performance.getEntriesByName(n)[0] || {}).startTime;"
                + " const all = m('annotator:all-highlights'); if (all === undefined) return '';"
                + " const fcp = (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0;"
                + " return [fcp, m('annotator:first-screen'), all, document.querySelectorAll('mark.hl').length].join(' '); })()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = VALUE.matcher(cdp.call("Runtime.evaluate", "{\"expression\":\"" + probe.replace("\"", "\\\"")
                    + "\",\"returnByValue\":true}", session));
            if (m.find() && !m.group(1).isEmpty()) {
                return Arrays.stream(m.group(1).split(" ")).mapToDouble(Double::parseDouble).toArray();
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the page did not paint its highlights within 120 s: " + url);
    }

    static double median(List<double[]> figures, int i) {
        double[] v = figures.stream().mapToDouble(f -> f[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String chromiumBinary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Chromium found (Debian: apt-get install chromium)");
    }

    static String devToolsEndpoint(Process chromium) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(chromium.getInputStream()));
        for (String line; (line = out.readLine()) != null; ) {
            int at = line.indexOf("ws://");
            if (line.contains("DevTools listening on") && at >= 0) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring(at).strip();
            }
        }
        throw new IllegalStateException("Chromium exited before it listened for DevTools");
    }

    /** name and value of each localhost cookie of a curl (Netscape format) cookie jar. */
    static List<String[]> readCookieJar(Path jar) throws Exception {
        List<String[]> cookies = new ArrayList<>();
        for (String line : Files.readAllLines(jar)) {
            String l = line.startsWith("#HttpOnly_") ? line.substring("#HttpOnly_".length()) : line;
            String[] f = l.split("\t");
            if (!l.startsWith("#") && f.length >= 7 && f[0].equals("localhost")) {
                cookies.add(new String[] {f[5], f[6]});
            }
        }
        return cookies;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A minimal DevTools protocol client: one call at a time is all a benchmark needs. */
    static final class Cdp implements WebSocket.Listener, AutoCloseable {
        static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
        final Map<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
        final AtomicInteger ids = new AtomicInteger();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Cdp connect(String endpoint) throws Exception {
            Cdp cdp = new Cdp();
            cdp.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(endpoint), cdp).get(10, TimeUnit.SECONDS);
            return cdp;
        }

        String call(String method, String params, String session) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params
                    + (session == null ? "" : ",\"sessionId\":\"" + session + "\"") + "}", true).get(10, TimeUnit.SECONDS);
            String result = answer.get(60, TimeUnit.SECONDS);
            if (result.contains("\"error\":{")) {
                throw new IllegalStateException(method + ": " + result);
            }
            return result;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher m = ID.matcher(message);
                if (m.find()) {
                    CompletableFuture<String> answer = waiting.remove(Integer.parseInt(m.group(1)));
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
