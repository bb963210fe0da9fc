package org.seminar.annotator.support;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seminar.annotator.local.FreePort;

/** The packaged app started as its own process on a free port, sharing the test run's PostgreSQL and Keycloak. */
public final class AppInstance implements AutoCloseable {

    private final Process process;
    public final int port;

    public AppInstance(String name) throws Exception {
        port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m",
                "-Dquarkus.http.port=" + port));
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                "quarkus.oidc.auth-server-url", "quarkus.oidc.credentials.secret", "quarkus.keycloak.admin-client.server-url",
                "quarkus.keycloak.admin-client.client-secret")) {
            command.add("-D" + key + "=" + System.getProperty(key));
        }
        command.add("-jar");
        command.add(System.getProperty("annotator.app-jar", "target/quarkus-app/quarkus-run.jar"));
        File log = new File(System.getProperty("annotator-test.data", "target/it-data"), name + ".log");
        log.getParentFile().mkdirs();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during startup; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            try {
                process.onExit().get(200, java.util.concurrent.TimeUnit.MILLISECONDS); // wakes early if it dies
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // poll again
            }
        }
        close();
        throw new IllegalStateException(name + " did not become ready; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
