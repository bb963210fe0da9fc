package org.seminar.annotator.local;

import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The servers of a zero-setup run, started at most once per JVM and stopped when the JVM ends.
 */
public final class LocalServices {

    private static final Logger LOG = Logger.getLogger(LocalServices.class);
    private static LocalPostgres postgres;
    private static LocalKeycloak keycloak;
    private static LocalMail mail;
    private static boolean hookRegistered;

    private LocalServices() {
    }

    public static synchronized LocalPostgres postgres(Path binaries, Path dataDir, int port) {
        if (postgres == null) {
            postgres = LocalPostgres.start(binaries, dataDir, port);
            registerShutdownHook();
        }
        return postgres;
    }

    public static synchronized LocalKeycloak keycloak(Path home, Path realmFile, Path dataDir, int port) {
        if (keycloak == null) {
            keycloak = LocalKeycloak.start(home, realmFile, dataDir, port);
            registerShutdownHook();
        }
        return keycloak;
    }

    public static synchronized LocalMail mail(int smtpPort, int imapPort) {
        if (mail == null) {
            mail = LocalMail.start(smtpPort, imapPort);
            registerShutdownHook();
        }
        return mail;
    }

    private static void registerShutdownHook() {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalServices::stopAll, "local-services-stop"));
            hookRegistered = true;
        }
    }

    /** Stops what this JVM started: Keycloak first, PostgreSQL last so the app's pool closes first. */
    public static synchronized void stopAll() {
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (keycloak != null) {
            LOG.info("Stopping local Keycloak");
            keycloak.close();
            keycloak = null;
        }
        if (postgres != null) {
            LOG.info("Stopping local PostgreSQL");
            postgres.close();
            postgres = null;
        }
    }
}
