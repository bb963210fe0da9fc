package org.seminar.annotator.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one writer of the event journal: an annotation change's row in {@code annotation_event} and its
 * NOTIFY on {@link #CHANNEL}, in the statement (so the transaction) of the change. Subscribers on every
 * app instance hear of it exactly when it commits and never of a change that rolled back; the NOTIFY
 * payload is the event as JSON with the journal id the database gave it.
 */
@ApplicationScoped
public class EventRecords {

    public static final String CHANNEL = "annotation_events";

    /**
     * Two common table expressions to put after {@code with}: {@code e} inserts the journal row, {@code n} announces
     * it (one row, column {@code sent}; it runs only when the statement reads {@code n}). {@link #bind} fills its
     * parameters, which follow those of what comes before it in the statement.
     */
    static final String JOURNAL = """
            e as (insert into annotation_event (document_id, group_id, type, annotation_id, reply_id, actor,
                                                subject_author, subject_hidden, reply_gone)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id),
            n as (select pg_notify('%s', jsonb_set(cast(? as jsonb), '{id}', to_jsonb(e.id))::text) as sent from e)"""
            .formatted(CHANNEL);

    @Inject
    ObjectMapper json;

    /** Journals and announces one event on the connection of the change's transaction. */
    public void record(Connection connection, AnnotationEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("with " + JOURNAL + " select count(*) from n")) {
            bind(statement, 1, event);
            try (ResultSet done = statement.executeQuery()) {
                done.next();
            }
        }
    }

    /** Binds {@link #JOURNAL}'s parameters from {@code first} on; returns the index of the next parameter. */
    int bind(PreparedStatement statement, int first, AnnotationEvent event) throws SQLException {
        int i = first;
        statement.setString(i++, event.documentId());
        statement.setString(i++, event.groupId());
        statement.setString(i++, event.type().wireName());
        statement.setString(i++, event.annotationId());
        statement.setString(i++, event.replyId());
        statement.setString(i++, event.actor());
        statement.setString(i++, event.author());
        statement.setBoolean(i++, event.hidden());
        statement.setBoolean(i++, event.replyGone());
        statement.setString(i++, payload(event));
        return i;
    }

    /** The event as its NOTIFY carries it (before the journal id is set in). */
    public String payload(AnnotationEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event as a NOTIFY carried it. */
    public AnnotationEvent read(String payload) {
        try {
            return json.readValue(payload, AnnotationEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
