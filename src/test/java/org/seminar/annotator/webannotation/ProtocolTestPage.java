package org.seminar.annotator.webannotation;

import com.sun.net.httpserver.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The W3C protocol server test page (src/test/resources/w3c-annotation-protocol), served from the app's own origin at
 * {@value #PATH} (a route of the test build only, answered before sign-in and without the app's Content-Security-Policy,
 * which forbids the page's inline script) and, by {@link #otherOrigin}, from a second local origin. What is adapted while
 * serving is said in that folder's README.
 */
@ApplicationScoped
public class ProtocolTestPage {

    static final String PATH = "/w3c-protocol-test/";
    static final String FOLDER = "/w3c-annotation-protocol/";
    static final String PAGE = "server-manual.html";
    private static final Map<String, String> TYPES = Map.of(PAGE, "text/html; charset=utf-8", "testharness.js", "text/javascript",
            "testharnessreport.js", "text/javascript", "utils.js", "text/javascript", "bearer.js", "text/javascript");

    /** The JSON of the target the page's new annotation gets instead of its example.com page. */
    static volatile String target = "\"http://www.example.com/index.html\"";

    void install(@Observes Router router) {
        router.route(PATH + "*").order(Integer.MIN_VALUE + 40).handler(this::serve);
    }

    void serve(RoutingContext context) {
        String name = context.normalizedPath().substring(PATH.length());
        byte[] body = file(name);
        if (body == null) {
            context.response().setStatusCode(404).end();
            return;
        }
        context.addHeadersEndHandler(v -> context.response().headers().remove("Content-Security-Policy"));
        context.response().putHeader("Content-Type", TYPES.get(name)).end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /** A file of the page, adapted; null for any other name. */
    static byte[] file(String name) {
        if (!TYPES.containsKey(name)) {
            return null;
        }
        try (InputStream in = ProtocolTestPage.class.getResourceAsStream(FOLDER + name)) {
            byte[] bytes = in.readAllBytes();
            if (!name.equals(PAGE)) {
                return bytes;
            }
            String page = new String(bytes, StandardCharsets.UTF_8)
                    .replace("<script src=\"/resources/testharness.js\">", "<script src=\"bearer.js\"></script>\n<script src=\"testharness.js\">")
                    .replace("\"/resources/testharnessreport.js\"", "\"testharnessreport.js\"")
                    .replace("\"/common/utils.js\"", "\"utils.js\"")
                    .replace("\"target\": \"http://www.example.com/index.html\"", "\"target\": " + target);
            return page.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same files from a second origin (127.0.0.1 on a free port); stop it after use. */
    static HttpServer otherOrigin() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            String name = exchange.getRequestURI().getPath().substring(PATH.length());
            byte[] body = file(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", TYPES.get(name));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
