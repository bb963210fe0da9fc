package org.seminar.annotator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as a deployer meets it: a setting left out stops the start at once with the variable named (never a
 * throw-away database or the demo realm), and the artifact carries no PostgreSQL or Keycloak of its own.
 */
class ProductionStartIT {

    private static final Path APP = Path.of(System.getProperty("annotator.app-jar", "target/quarkus-app/quarkus-run.jar"));

    record Exit(int status, List<String> lines) {
    }

    /** Runs the packaged jar with only the given settings in its environment (none of the test run's). */
    private static Exit start(Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("production-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                "-Dquarkus.http.port=" + FreePort.find(), "-jar", APP.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ANNOTATOR_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "the app kept running without its settings: " + lines);
        return new Exit(process.exitValue(), lines);
    }

    private static void assertRefused(Exit exit, String... variables) {
        assertEquals(78, exit.status(), "exit status; output: " + exit.lines());
        List<String> named = exit.lines().stream().filter(l -> l.startsWith("Not starting:")).toList();
        assertEquals(1, named.size(), "one line says why: " + exit.lines());
        for (String variable : variables) {
            assertTrue(named.get(0).contains(variable), named.get(0) + " names " + variable);
        }
        assertFalse(exit.lines().stream().anyMatch(l -> l.contains("Exception") || l.startsWith("\tat ")),
                "no stack trace: " + exit.lines());
        assertFalse(exit.lines().stream().anyMatch(l -> l.contains("Local PostgreSQL") || l.contains("local Keycloak")),
                "no local server started: " + exit.lines());
    }

    @Test
    void aStartWithoutTheDatabaseUrlStopsNamingIt() throws Exception {
        assertRefused(start(Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", System.getProperty("quarkus.oidc.auth-server-url"),
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "annotator-secret",
                "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET", "annotator-admin-secret")), "QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void aStartWithNothingConfiguredNamesTheDatabaseAndKeycloak() throws Exception {
        assertRefused(start(Map.of()), "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_OIDC_AUTH_SERVER_URL");
    }

    @Test
    void aConfiguredKeycloakWithoutItsSecretsStopsNamingThem() throws Exception {
        assertRefused(start(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("quarkus.datasource.jdbc.url"),
                "QUARKUS_OIDC_AUTH_SERVER_URL", System.getProperty("quarkus.oidc.auth-server-url"))),
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET");
    }

    @Test
    void theArtifactHoldsNoDatabaseOrKeycloakOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP.getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.contains("binaries") || name.contains("keycloak-quarkus-dist") || name.endsWith(".txz")) {
                    found.add(file.toString());
                }
                if (name.endsWith(".jar")) {
                    try (ZipFile jar = new ZipFile(file.toFile())) {
                        jar.stream().map(e -> e.getName())
                                .filter(e -> e.endsWith(".txz") || e.endsWith("/initdb") || e.endsWith("seminar-realm.json")
                                        || e.endsWith("bin/kc.sh"))
                                .forEach(e -> found.add(file + "!" + e));
                    }
                }
            }
        }
        assertEquals(List.of(), found, "PostgreSQL binaries, Keycloak or the demo realm inside the packaged app");
    }
}
