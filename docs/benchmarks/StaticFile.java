import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The floor for serving a response: one file's bytes from memory over HTTP/1.1 on loopback, nothing computed
 * (the JDK's own HTTP server). The benchmarks time the app's answer against the same bytes served by this.
 * Usage: java docs/benchmarks/StaticFile.java PORT FILE
 */
public class StaticFile {
    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(args[0])), 64);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("serving " + body.length + " bytes on port " + args[0]);
    }
}
