package org.seminar.annotator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A real Keycloak server run from the official distribution that the build unpacks, with its
 * database in a fixed data folder and the demo realm imported on first start. Used in local mode
 * when no OIDC server is configured, and by the tests.
 */
public final class LocalKeycloak implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKeycloak.class);
    public static final String REALM = "seminar";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;

    private LocalKeycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak on {@code port} and waits until the demo realm answers. Processes that an
     * earlier, killed run left behind on the same data folder are stopped first.
     */
    public static LocalKeycloak start(Path home, Path realmFile, Path dataDir, int port) {
        Path kcHome = home.toAbsolutePath().normalize();
        Path data = dataDir.toAbsolutePath().normalize();
        Path kcScript = kcHome.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcScript)) {
            throw new IllegalStateException("No Keycloak distribution at " + kcHome
                    + ": build the project first (./mvnw -DskipTests package), or set QUARKUS_OIDC_AUTH_SERVER_URL"
                    + " to use another Keycloak");
        }
        try {
            Files.createDirectories(data);
            String marker = "jdbc:h2:file:" + data.resolve("h2").resolve("keycloakdb");
            for (ProcessHandle stale : StaleProcesses.mentioning(marker)) {
                LOG.warnf("Stopping Keycloak (pid %d) left running by an earlier unclean stop", stale.pid());
                StaleProcesses.stop(stale, Duration.ofSeconds(20));
            }
            if (FreePort.inUse(port)) {
                throw new IllegalStateException("Port " + port + " is taken by another program; stop it or set"
                        + " ANNOTATOR_LOCAL_KEYCLOAK_PORT to a free port");
            }
            copyRealm(realmFile, kcHome.resolve("data/import"));
            ProcessBuilder builder = new ProcessBuilder(List.of(kcScript.toString(), "start-dev",
                    "--http-port=" + port,
                    "--http-host=127.0.0.1",
                    "--hostname=http://localhost:" + port,
                    "--db=dev-file",
                    "--db-url=" + marker + ";NON_KEYWORDS=VALUE",
                    "--import-realm",
                    "--log=file",
                    "--log-file=" + data.resolve("keycloak.log")));
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("keycloak-console.log").toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_"));
            LOG.infof("Starting local Keycloak on http://localhost:%d (data in %s); the first start takes about a minute",
                    port, data);
            Instant started = Instant.now();
            Process process = builder.start();
            LocalKeycloak keycloak = new LocalKeycloak(process, port);
            keycloak.awaitRealm(data);
            LOG.infof("Local Keycloak ready in %d s", Duration.between(started, Instant.now()).toSeconds());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local Keycloak", e);
        }
    }

    /** The demo realm lives in {@code docker/keycloak}, where the compose file reads it too; it is not in the app. */
    private static void copyRealm(Path realmFile, Path importDir) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("No realm file at " + realmFile.toAbsolutePath()
                    + ": start the app from the repository root, or set ANNOTATOR_LOCAL_REALM_FILE");
        }
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve("seminar-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitRealm(Path data) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during startup (exit " + process.exitValue()
                        + "); see " + data.resolve("keycloak-console.log"));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + STARTUP_LIMIT.toSeconds()
                + " s; see " + data.resolve("keycloak-console.log"));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The issuer URL of the demo realm, as tokens carry it. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The server's base URL, where the Admin API lives. */
    public String serverUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        StaleProcesses.stop(process.toHandle(), Duration.ofSeconds(20));
    }
}
