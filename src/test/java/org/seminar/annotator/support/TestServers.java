package org.seminar.annotator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.seminar.annotator.local.FreePort;
import org.seminar.annotator.local.LocalKeycloak;
import org.seminar.annotator.local.LocalMail;
import org.seminar.annotator.local.LocalPostgres;

/**
 * Starts one real PostgreSQL, one real Keycloak and one real mail server (GreenMail) for the whole test run, on free ports with fresh
 * data folders under {@code target/test-data} (never the local run's {@code ./data}), and points the
 * app under test at them through system properties, which every Quarkus test class loader sees.
 * A run of plain unit tests starts neither.
 */
public class TestServers implements LauncherSessionListener, TestExecutionListener {

    private static LocalPostgres postgres;
    private static LocalKeycloak keycloak;
    private static LocalMail mail;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean quarkus = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .map(id -> id.getSource().orElse(null))
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass())
                .anyMatch(type -> type.getSimpleName().endsWith("IT") || java.util.Arrays.stream(type.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().startsWith("io.quarkus.test.junit.Quarkus")));
        if (quarkus) {
            start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        Path root = Path.of(System.getProperty("annotator-test.data", "target/test-data"));
        // surefire and failsafe pass it from pom.xml, where the Keycloak version is defined once
        Path keycloakHome = Path.of(System.getProperty("annotator-test.keycloak-home"));
        deleteTree(root);
        postgres = LocalPostgres.start(Path.of(System.getProperty("annotator-test.postgres-binaries", "target/postgres")),
                root.resolve("postgres"), 0);
        System.setProperty("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        // the app under test listens on a port chosen here, so that the realm can name its back-channel logout address
        int appPort = FreePort.find();
        System.setProperty("quarkus.http.test-port", String.valueOf(appPort));
        keycloak = LocalKeycloak.start(keycloakHome, realmFor(appPort, root), root.resolve("keycloak"), FreePort.find());
        System.setProperty("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        System.setProperty("quarkus.oidc.credentials.secret", "annotator-secret");
        System.setProperty("quarkus.keycloak.admin-client.server-url", keycloak.serverUrl());
        System.setProperty("quarkus.keycloak.admin-client.client-secret", "annotator-admin-secret");
        // a real SMTP server that keeps the mail; tests read it over IMAP (support/Mailbox)
        mail = LocalMail.start(0, 0);
        System.setProperty("annotator.notifications.smtp-host", "127.0.0.1");
        System.setProperty("annotator.notifications.smtp-port", String.valueOf(mail.smtpPort()));
        System.setProperty("annotator.notifications.unsubscribe-secret", "test-secret-for-unsubscribe-links-0123456789");
        System.setProperty(Mailbox.IMAP_PORT, String.valueOf(mail.imapPort()));
    }

    /** The demo realm with its back-channel logout address moved from the local run's port 8080 to the tested app's port. */
    private static Path realmFor(int appPort, Path root) {
        String demoAddress = "http://localhost:8080/back-channel-logout";
        try {
            String realm = Files.readString(Path.of("docker/keycloak/seminar-realm.json"));
            if (!realm.contains(demoAddress)) {
                throw new IllegalStateException("The demo realm no longer names " + demoAddress + "; update TestServers");
            }
            Path copy = root.resolve("seminar-realm.json");
            Files.createDirectories(root);
            Files.writeString(copy, realm.replace(demoAddress, "http://localhost:" + appPort + "/back-channel-logout"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it (nothing when it is not there). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
