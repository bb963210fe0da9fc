package org.seminar.annotator.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Which failures mean "the database cannot be reached" (answered 503, try again) and which are bugs or bad data (500,
 * or the caller's own answer): with the exceptions that the PostgreSQL driver and the connection pool really throw
 * when the server is gone, does not answer, or every connection is taken.
 */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionIsUnreachableHoweverItIsWrapped() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + closedPort + "/postgres", "postgres", "postgres"));
        assertTrue(refused.getSQLState().startsWith("08"), refused.getSQLState());
        assertTrue(DatabaseUnavailable.unreachable(refused));
        // as Hibernate and DocumentAccess pass it on
        assertTrue(DatabaseUnavailable.unreachable(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
        assertTrue(DatabaseUnavailable.unreachable(new PersistenceException("Could not read document d1", refused)));
        assertTrue(DatabaseUnavailable.unreachable(new RuntimeException(new PersistenceException("wrapped twice", refused))));
    }

    @Test
    void aServerThatHangsUpIsUnreachable() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread hangUp = new Thread(() -> {
                try (Socket s = server.accept()) {
                    // closes at once, as a killed server's port does
                } catch (IOException ignored) {
                    // the test ends
                }
            });
            hangUp.start();
            SQLException lost = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getLocalPort() + "/postgres", "postgres", "x"));
            hangUp.join();
            assertTrue(DatabaseUnavailable.unreachable(lost), lost.getSQLState() + " " + lost);
        }
    }

    @Test
    void thePoolsAcquisitionTimeoutIsUnreachable() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, never answers: a server that does not respond
                    }
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(300))
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl("jdbc:postgresql://localhost:" + silent.getLocalPort() + "/postgres")
                                    .jdbcProperty("loginTimeout", "20")));
            try (AgroalDataSource pool = AgroalDataSource.from(config)) {
                long t0 = System.nanoTime();
                SQLException timeout = assertThrows(SQLException.class, pool::getConnection);
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "the pool gives up after its acquisition timeout");
                assertTrue(timeout.getMessage().contains("Acquisition timeout"), timeout.getMessage());
                assertTrue(DatabaseUnavailable.unreachable(timeout), String.valueOf(timeout.getCause()));
                assertTrue(DatabaseUnavailable.unreachable(new JDBCConnectionException("Unable to acquire JDBC Connection", timeout)));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void everyPoolConnectionBusyPastTheAcquisitionTimeoutIsUnreachable() throws Exception {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(300))
                        .connectionFactoryConfiguration(factory -> factory.connectionProviderClass(IdleDriver.class).jdbcUrl("jdbc:idle:")));
        try (AgroalDataSource pool = AgroalDataSource.from(config); java.sql.Connection only = pool.getConnection()) {
            SQLException busy = assertThrows(SQLException.class, pool::getConnection);
            assertTrue(DatabaseUnavailable.unreachable(busy), busy.getMessage());
            assertTrue(DatabaseUnavailable.unreachable(new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection", busy)));
        }
    }

    /** A driver whose connections do nothing: enough for the pool to hand one out and keep it busy. */
    public static class IdleDriver implements java.sql.Driver {
        @Override
        public java.sql.Connection connect(String url, java.util.Properties info) {
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                        Class<?> type = method.getReturnType();
                        if (method.getName().equals("isValid") || type == boolean.class) {
                            return method.getName().equals("isValid") || method.getName().equals("getAutoCommit");
                        }
                        if (type == int.class) {
                            return 0;
                        }
                        return type == long.class ? (Object) 0L : null;
                    });
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:idle:");
        }

        @Override
        public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
            return new java.sql.DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }
    }

    @Test
    void aServerShuttingDownOrStillRecoveringIsUnreachable() {
        // the states PostgreSQL answers while it stops and while it replays its log after a crash
        assertTrue(DatabaseUnavailable.unreachable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.unreachable(new SQLException("the database system is in recovery mode", "57P03")));
        assertTrue(DatabaseUnavailable.unreachable(new SQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE.getState())));
    }

    @Test
    void bugsAndBadDataAreNotUnreachable() {
        assertFalse(DatabaseUnavailable.unreachable(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION)));
        assertFalse(DatabaseUnavailable.unreachable(new PersistenceException("could not execute statement",
                new SQLException("column \"x\" does not exist", "42703"))));
        assertFalse(DatabaseUnavailable.unreachable(new SQLException("no state at all")));
        assertFalse(DatabaseUnavailable.unreachable(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.unreachable(new PersistenceException("no cause")));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.unreachable(a));
    }
}
