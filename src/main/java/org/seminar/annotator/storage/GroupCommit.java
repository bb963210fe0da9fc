package org.seminar.annotator.storage;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.web.ProblemException;

/**
 * Group commit: statements handed in by many request threads at once are written by a few writer
 * threads, each taking every statement waiting at that moment into one transaction (statements of the
 * same SQL sent as one pipelined JDBC batch), and committed together. A caller returns only after the
 * commit that made its statement durable ({@code fsync} and {@code synchronous_commit} stay on): one
 * disk flush and one commit serve a whole batch instead of one each.
 *
 * <p>A statement that fails does not take the others with it: the batch is rolled back and its
 * statements are written again one transaction each, so only the failing caller gets the error. A
 * commit whose outcome is unknown (the connection broke during it) fails every caller of that batch:
 * none of them is told its write is stored.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One statement with its parameters. */
    public record Statement(String sql, Parameters parameters) {
    }

    /** Binds the parameters of one statement. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * A statement that was not written, answered as 503 (nothing stored, try again) unless the caller knows better:
     * {@link #sqlState()} says why (e.g. 23503, a row it refers to is gone).
     */
    public static class NotWritten extends ProblemException {
        NotWritten(String message, Throwable cause) {
            super(503, "Not stored", message + "; nothing was stored, please try again", List.of());
            initCause(cause);
        }

        public String sqlState() {
            return getCause() instanceof SQLException e ? e.getSQLState() : null;
        }
    }

    private record Pending(Statement statement, CompletableFuture<Void> done) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AnnotatorConfig config;

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    @PostConstruct
    void start() {
        running = true;
        for (int i = 0; i < config.writes().writers(); i++) {
            Thread writer = new Thread(this::write, "group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stops taking statements and writes those already handed in. */
    @PreDestroy
    void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes the statement and returns once it is committed; throws {@link NotWritten} when it is not stored. */
    public void write(Statement statement) {
        if (!running) {
            throw new NotWritten("The server is stopping", null);
        }
        Pending pending = new Pending(statement, new CompletableFuture<>());
        waiting.add(pending);
        try {
            pending.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotWritten("Interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof NotWritten n ? n : new NotWritten(e.getCause().getMessage(), e.getCause());
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, config.writes().batch() - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("A group commit failed", e);
                batch.forEach(p -> p.done.completeExceptionally(new NotWritten(e.getMessage(), e)));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (writeAll(connection, batch)) {
                    return;
                }
                // one failed: each on its own, so that only the failing one fails
                for (Pending p : batch) {
                    writeAll(connection, List.of(p));
                }
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            NotWritten failure = new NotWritten("The database could not be reached: " + e.getMessage(), e);
            batch.forEach(p -> p.done.completeExceptionally(failure));
        }
    }

    /** Writes and commits the statements together; false when a statement failed (rolled back, nobody told yet). */
    private static boolean writeAll(Connection connection, List<Pending> batch) throws SQLException {
        Map<String, List<Pending>> bySql = new LinkedHashMap<>();
        batch.forEach(p -> bySql.computeIfAbsent(p.statement.sql(), k -> new ArrayList<>()).add(p));
        try {
            for (Map.Entry<String, List<Pending>> same : bySql.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(same.getKey())) {
                    for (Pending p : same.getValue()) {
                        p.statement.parameters().bind(statement);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        } catch (SQLException e) {
            connection.rollback();
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(new NotWritten(e.getMessage(), e.getNextException() != null ? e.getNextException() : e));
                return true;
            }
            return false;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            // the outcome is unknown: nobody is told the write is stored, nothing is written again
            NotWritten failure = new NotWritten("The commit did not complete: " + e.getMessage(), e);
            batch.forEach(p -> p.done.completeExceptionally(failure));
            return true;
        }
        batch.forEach(p -> p.done.complete(null));
        return true;
    }
}
