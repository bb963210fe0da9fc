package org.seminar.annotator.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hibernate.Session;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.EventRecords;
import org.seminar.annotator.annotation.EventType;

/**
 * Journals every annotation change fired inside a transaction (through {@link EventRecords}, on that
 * transaction's connection) and replays the journal to clients that reconnect.
 */
@ApplicationScoped
public class EventJournal {

    @Inject
    EntityManager em;
    @Inject
    EventRecords records;

    void record(@Observes AnnotationEvent event) {
        if (event.type() == EventType.CODEBOOK_CHANGED) {
            announce(event); // about no document: not journalled, the NOTIFY still waits for the change's commit
            return;
        }
        em.unwrap(Session.class).doWork(connection -> records.record(connection, event));
    }

    /** Announces an event that is not journalled (presence): id 0, so it never moves a client's Last-Event-ID. */
    void announce(AnnotationEvent event) {
        em.createNativeQuery("select pg_notify('" + EventRecords.CHANNEL + "', :payload)").setParameter("payload", records.payload(event))
                .getSingleResult();
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
}
