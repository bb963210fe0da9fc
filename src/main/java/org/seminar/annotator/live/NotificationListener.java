package org.seminar.annotator.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.EventRecords;
import org.seminar.annotator.annotation.EventType;

/**
 * Listens on PostgreSQL's notification channel with a connection of its own (outside the pool) and
 * hands every event to this instance's subscribers. When that connection is lost it connects again,
 * listens, and then reads from the journal every event it has not delivered yet ({@link DeliveredEvents}),
 * so that nothing committed meanwhile is lost and nothing is delivered twice. One event that cannot
 * be delivered is logged and skipped; the connection and the events after it are not affected.
 */
@ApplicationScoped
public class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);
    /** The listener's connection as {@code pg_stat_activity} names it. */
    static final String APPLICATION_NAME = "annotator-event-listener";
    /** Waiting this long for a notification without one, the connection is checked with a query. */
    static final int IDLE_CHECK_MILLIS = 10_000;
    /** Journal rows read per query of a catch-up. */
    static final int CATCH_UP_PAGE = 1000;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;
    @Inject
    Subscribers subscribers;
    @Inject
    EventRecords records;

    private volatile boolean running;
    private Thread thread;
    /** Null until the first connection has listened; then kept across reconnects. */
    private DeliveredEvents delivered;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "annotation-event-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                if (delivered == null) {
                    // the first connection starts at the journal's end, read before listening: the
                    // catch-up below then delivers what commits in between, and nothing is heard twice
                    delivered = new DeliveredEvents(latestId(connection));
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EventRecords.CHANNEL);
                }
                catchUp(connection);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(IDLE_CHECK_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        // a connection dropped without a word (a network partition) only shows when used
                        try (Statement check = connection.createStatement()) {
                            check.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        AnnotationEvent event;
                        try {
                            event = records.read(n.getParameter());
                        } catch (RuntimeException e) {
                            LOG.errorf("Skipped a notification that is not an event: %.200s (%s)", n.getParameter(), e.getMessage());
                            continue;
                        }
                        deliver(event);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Lost the notification connection (%s); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static long latestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("select coalesce(max(id), 0) from annotation_event")) {
            max.next();
            return max.getLong(1);
        }
    }

    /** Delivers, in journal order, every journalled event not delivered yet: those committed while not listening. */
    private void catchUp(Connection connection) throws SQLException {
        long after = delivered.resumeAfter();
        int caughtUp = 0;
        try (PreparedStatement query = connection.prepareStatement("""
                select id, type, document_id, group_id, annotation_id, reply_id, actor, subject_author, subject_hidden, reply_gone
                from annotation_event where id > ? order by id limit ?""")) {
            while (true) {
                query.setLong(1, after);
                query.setInt(2, CATCH_UP_PAGE);
                int rows = 0;
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        after = r.getLong("id");
                        AnnotationEvent event;
                        try {
                            event = new AnnotationEvent(after, EventType.ofWireName(r.getString("type")), r.getString("document_id"),
                                    r.getString("group_id"), r.getString("annotation_id"), r.getString("reply_id"), r.getString("actor"),
                                    r.getString("subject_author"), r.getBoolean("subject_hidden"), r.getBoolean("reply_gone"));
                        } catch (RuntimeException e) {
                            LOG.errorf("Skipped journal row %d that is not an event (%s)", after, e.getMessage());
                            continue;
                        }
                        if (deliver(event)) {
                            caughtUp++;
                        }
                    }
                }
                if (rows < CATCH_UP_PAGE) {
                    break;
                }
            }
        }
        if (caughtUp > 0) {
            LOG.infof("Delivered %d events from the journal that were committed while reconnecting", caughtUp);
        }
    }

    /** Hands one event to the subscribers unless it was delivered already; true when it was delivered now. */
    private boolean deliver(AnnotationEvent event) {
        // presence is not journalled (id 0): nothing to catch up, nothing to deduplicate
        if (event.id() > 0 && !delivered.take(event.id(), System.nanoTime())) {
            return false;
        }
        try {
            subscribers.deliver(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not deliver event %d (%s)", event.id(), event.type());
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
