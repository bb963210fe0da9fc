package org.seminar.annotator.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.List;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.EventType;

/**
 * Writes every annotation change to the event journal and announces it with NOTIFY, inside the
 * transaction of the change: subscribers on every app instance hear of it exactly when it commits,
 * and never of a change that rolled back. The NOTIFY payload is the event as JSON.
 */
@ApplicationScoped
public class EventJournal {

    static final String CHANNEL = "annotation_events";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    void record(@Observes AnnotationEvent event) {
        // one round trip: the journal row and its announcement, whose id the database fills in
        em.createNativeQuery("""
                with e as (insert into annotation_event (document_id, group_id, type, annotation_id, reply_id, actor,
                                                         subject_author, subject_hidden, reply_gone)
                           values (:doc, :group, :type, :annotation, :reply, :actor, :author, :hidden, :replyGone) returning id)
                select pg_notify('%s', jsonb_set(cast(:payload as jsonb), '{id}', to_jsonb(e.id))::text) from e""".formatted(CHANNEL))
                .setParameter("doc", event.documentId()).setParameter("group", event.groupId())
                .setParameter("type", event.type().wireName()).setParameter("annotation", event.annotationId())
                .setParameter("reply", event.replyId()).setParameter("actor", event.actor()).setParameter("author", event.author())
                .setParameter("hidden", event.hidden()).setParameter("replyGone", event.replyGone())
                .setParameter("payload", write(event)).getSingleResult();
    }

    /** Announces an event that is not journalled (presence): id 0, so it never moves a client's Last-Event-ID. */
    void announce(AnnotationEvent event) {
        em.createNativeQuery("select pg_notify('" + CHANNEL + "', :payload)").setParameter("payload", write(event)).getSingleResult();
    }

    /**
     * Events of a document after the given one, for a client that reconnects with Last-Event-ID,
     * each with the current state of its annotation and reply (so that visibility judges what is
     * true now: an annotation hidden since, or a reply deleted since, is not replayed).
     */
    @Transactional
    public List<AnnotationEvent> after(String documentId, long lastId) {
        List<Tuple> rows = em.createNativeQuery("""
                select e.id, e.type, e.document_id, e.group_id, e.annotation_id, e.reply_id, e.actor,
                       coalesce(a.author, e.subject_author) as author,
                       coalesce(a.hidden, last.subject_hidden, false) as hidden,
                       e.reply_id is not null and coalesce(r.hidden, true) as reply_gone
                from annotation_event e
                left join annotation a on a.id = e.annotation_id
                left join reply r on r.id = e.reply_id
                left join lateral (select l.subject_hidden from annotation_event l
                                   where a.id is null and l.annotation_id = e.annotation_id order by l.id desc limit 1) last on true
                where e.document_id = :doc and e.id > :last
                  -- of an annotation that no longer exists only its deletion is news
                  and (e.annotation_id is null or a.id is not null or e.type = 'annotation-deleted')
                order by e.id limit 10000""", Tuple.class)
                .setParameter("doc", documentId).setParameter("last", lastId).getResultList();
        return rows.stream().map(r -> new AnnotationEvent(r.get("id", Number.class).longValue(),
                EventType.ofWireName(r.get("type", String.class)), r.get("document_id", String.class), r.get("group_id", String.class),
                r.get("annotation_id", String.class), r.get("reply_id", String.class), r.get("actor", String.class),
                r.get("author", String.class), r.get("hidden", Boolean.class), r.get("reply_gone", Boolean.class))).toList();
    }

    String write(AnnotationEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    AnnotationEvent read(String payload) {
        try {
            return json.readValue(payload, AnnotationEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
