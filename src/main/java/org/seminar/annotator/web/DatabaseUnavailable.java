package org.seminar.annotator.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A database that cannot be reached (stopped, restarting, unreachable over the network, or every pool connection busy
 * past the acquisition timeout) is answered {@code 503 Service Unavailable} with {@code Retry-After}
 * ({@link ErrorResponses} adds it to every 503): a problem body on the API, the error page in HTML. Never a 500, because nothing is wrong with the request or the code, and the client
 * may simply try again; nothing was stored.
 *
 * <p>The failures of the persistence layer that are not about reaching the database (a constraint, a bug) stay 500s
 * and are logged with their stack trace, as an unmapped exception would be.
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    /** What {@code Retry-After} tells the client: about the pool's acquisition timeout. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** One warning in the log per outage and 10 s, not one per refused request. */
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS - 1);
    static final String TITLE = "Database unavailable";
    static final String DETAIL = "The database cannot be reached at the moment; nothing was stored. Please try again in a few seconds.";

    /**
     * SQLSTATEs that mean "not reachable now": class 08 (connection exception), 57P01-57P03 (the server is shutting
     * down, crashed, or cannot accept connections yet, e.g. during recovery), 53300 (too many connections).
     */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Whether the failure, or any of its causes, means that the database cannot be reached now. */
    public static boolean unreachable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.put(e, true) == null); e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state))) {
                        return true;
                    }
                    if (state == null && poolTimeout(e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The pool's acquisition timeout, which carries no SQLSTATE: "Acquisition timeout while waiting for new connection"
     * (a new connection could not be made in time, a timeout as its cause) or "Sorry, acquisition timeout!" (every
     * connection stayed busy).
     */
    private static boolean poolTimeout(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getCause() instanceof TimeoutException || message.startsWith("Acquisition timeout")
                || message.startsWith("Sorry, acquisition timeout");
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e, HttpServerRequest request, HttpHeaders headers) {
        return answer(e, request, headers);
    }

    @ServerExceptionMapper
    public Response rollback(jakarta.transaction.RollbackException e, HttpServerRequest request, HttpHeaders headers) {
        return answer(e, request, headers);
    }

    @ServerExceptionMapper
    public Response transactional(jakarta.transaction.TransactionalException e, HttpServerRequest request, HttpHeaders headers) {
        return answer(e, request, headers);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, HttpServerRequest request, HttpHeaders headers) {
        return answer(e, request, headers);
    }

    private static Response answer(Throwable e, HttpServerRequest request, HttpHeaders headers) {
        if (unreachable(e)) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last > WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warnf("%s %s: the database cannot be reached (%s); answering 503 meanwhile", request.method(), request.path(),
                        rootMessage(e));
            }
            return ErrorResponses.respond(request, headers, 503, TITLE, DETAIL, List.of());
        }
        LOG.errorf(e, "Request to %s failed", request.path());
        return ErrorResponses.respond(request, headers, 500, "Internal error", "The server could not complete the request.", List.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
