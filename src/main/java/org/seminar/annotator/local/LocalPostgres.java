package org.seminar.annotator.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 server run from the binaries archive the build unpacks beside the app (never
 * inside it), keeping its data in a fixed folder so that it survives restarts. Used in local mode
 * when no database URL is configured, and by the tests.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class);

    /** The one archive of the zonky binaries jar for this machine (linux, x86_64), as the build unpacks it. */
    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts the server on the given port (0 picks a free one) with its data in {@code dataDir}, from the archive
     * {@code postgres-linux-x86_64.txz} in {@code binaries}.
     */
    public static LocalPostgres start(Path binaries, Path dataDir, int port) {
        Path archive = binaries.toAbsolutePath().normalize().resolve(ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No PostgreSQL binaries at " + archive
                    + ": build the project first (./mvnw -DskipTests package), or set QUARKUS_DATASOURCE_JDBC_URL");
        }
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> Files.newInputStream(archive))
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? FreePort.find() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // The library starts PostgreSQL with -F (no fsync), fit for throw-away test data only:
                    // these settings come later on the command line and restore full durability.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.infof("Local PostgreSQL 17 running on port %d, data in %s", server.getPort(), dir);
            return new LocalPostgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * After a hard kill the postmaster outlives the app and holds {@code postmaster.pid}: stop it so
     * that this start can take the data directory over.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (first.isEmpty()) {
            return;
        }
        StaleProcesses.alive(Long.parseLong(first))
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    LOG.warnf("Stopping PostgreSQL (pid %d) left running by an earlier unclean stop", p.pid());
                    StaleProcesses.stop(p, Duration.ofSeconds(15));
                });
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Local PostgreSQL did not stop cleanly", e);
        }
    }
}
