package org.seminar.annotator.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.seminar.annotator.config.AnnotatorConfig;

/**
 * Sign-in sessions that ended before their tokens expire. A session cookie holds its tokens (no
 * server-side state), so without this a copy of it taken before sign-out kept working until its ID
 * token expired, minutes later. Every signed-in request asks {@link #isEnded} ({@link
 * CurrentAccountAugmentor}), a look-up in memory; the ends are kept in {@code ended_sessions} so that
 * they survive a restart and reach every app instance: each reads the rows the others wrote every
 * {@code annotator.sessions.ended-refresh} (the instance that learnt of an end refuses the session at
 * once). Rows are pruned after {@code annotator.sessions.ended-kept}, longer than an ended session's
 * tokens can live. While PostgreSQL cannot be reached what is known holds, and ends learnt meanwhile
 * are refused here and written when it is back.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    /** Rows read again on every refresh, so that one committed a little after its {@code ended_at} is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** How often old rows are deleted. */
    static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    /** Keycloak's session ids are UUIDs; anything much longer is not one. */
    static final int MAX_SID = 255;

    /** Session id → when it ended (epoch milliseconds), as far as this instance knows. */
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    /** Ends learnt here and not yet written to the database. */
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    /** Database time up to which rows have been read (minus {@link #OVERLAP}); null before the first read. */
    private volatile Timestamp readUpTo;
    private volatile boolean failing;
    private long lastPrune;
    private ScheduledExecutorService timer;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AnnotatorConfig config;

    @PostConstruct
    void createTimer() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ended-sessions");
            t.setDaemon(true);
            return t;
        });
    }

    void start(@Observes StartupEvent event) {
        refresh(); // before the first request: a restart does not forget what ended
        long every = config.sessions().endedRefresh().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** Whether the session with this id ended; a look-up in memory. */
    public boolean isEnded(String sid) {
        return sid != null && ended.containsKey(sid);
    }

    /** Whether the session the token belongs to ended. */
    public boolean isEnded(JsonWebToken token) {
        return isEnded(sidOf(token));
    }

    /**
     * Ends a session: refused here from now on, and on the other instances once written (at once, on this
     * class's own thread, which does all its database work).
     */
    public void end(String sid) {
        end(sid == null ? List.of() : List.of(sid));
    }

    public void end(Collection<String> sids) {
        long now = System.currentTimeMillis();
        boolean any = false;
        for (String sid : sids) {
            if (sid != null && !sid.isBlank() && sid.length() <= MAX_SID) {
                ended.putIfAbsent(sid, now);
                unwritten.add(sid);
                any = true;
            }
        }
        if (any) {
            timer.execute(this::write); // never a request waiting on the database, even while it is slow or down
        }
    }

    /** The {@code sid} claim of a verified token (Keycloak's session id), or null. */
    public static String sidOf(JsonWebToken token) {
        Object sid = token == null ? null : token.getClaim("sid");
        return sid instanceof JsonString s ? s.getString() : sid instanceof String s ? s : null;
    }

    /** The {@code sid} claim of a token's text, read without checking it: only for tokens already verified elsewhere. */
    static String sidOf(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            Object sid = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getValue("sid");
            return sid instanceof String s ? s : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    // ---- the database ---------------------------------------------------------------------------

    private void tick() {
        write();
        refresh();
        if (System.currentTimeMillis() - lastPrune >= PRUNE_EVERY.toMillis()) {
            prune();
        }
    }

    /** Writes the ends learnt here; what fails stays for the next tick. */
    private void write() {
        if (unwritten.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into ended_sessions (sid) values (?) on conflict (sid) do nothing")) {
            for (String sid : List.copyOf(unwritten)) {
                insert.setString(1, sid);
                insert.executeUpdate();
                unwritten.remove(sid);
            }
            recovered();
        } catch (SQLException | RuntimeException e) {
            failed("write", e);
        }
    }

    /** Reads the ends written since the last read (by any instance), and forgets the ones older than kept. */
    void refresh() {
        Timestamp from = readUpTo != null ? Timestamp.from(readUpTo.toInstant().minus(OVERLAP))
                : Timestamp.from(Instant.now().minus(config.sessions().endedKept()));
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select sid, ended_at from ended_sessions where ended_at > ?")) {
            select.setTimestamp(1, from);
            Timestamp latest = readUpTo;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(2);
                    ended.putIfAbsent(rows.getString(1), at.getTime());
                    if (latest == null || at.after(latest)) {
                        latest = at;
                    }
                }
            }
            readUpTo = latest != null ? latest : readUpTo;
            recovered();
        } catch (SQLException | RuntimeException e) {
            failed("read", e);
        }
        long forgetBefore = System.currentTimeMillis() - config.sessions().endedKept().toMillis();
        ended.values().removeIf(at -> at < forgetBefore);
    }

    private void prune() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from ended_sessions where ended_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.sessions().endedKept())));
            delete.executeUpdate();
            lastPrune = System.currentTimeMillis();
        } catch (SQLException | RuntimeException e) {
            failed("prune", e);
        }
    }

    private void failed(String what, Exception e) {
        if (!failing) {
            failing = true;
            LOG.warnf("Ended sign-in sessions could not be %s in the database (%s); what is known holds, retrying every %s", what,
                    e.toString(), config.sessions().endedRefresh());
        } else {
            LOG.debugf("Ended sessions: %s failed again (%s)", what, e.toString());
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Ended sign-in sessions are read from and written to the database again");
        }
    }

    /** How many ended sessions this instance knows of. */
    int size() {
        return ended.size();
    }
}
