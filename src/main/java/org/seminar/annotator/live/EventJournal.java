package org.seminar.annotator.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.seminar.annotator.annotation.AnnotationEvent;

/**
 * Writes every annotation change to the event journal and announces it with NOTIFY, inside the
 * transaction of the change: subscribers on every app instance hear of it exactly when it commits,
 * and never of a change that rolled back.
 */
@ApplicationScoped
public class EventJournal {

    static final String CHANNEL = "annotation_events";

    @Inject
    EntityManager em;

    void record(@Observes AnnotationEvent event) {
        // one round trip: the journal row and its announcement (payload as in payload(), parsed by parse())
        em.createNativeQuery("""
                with e as (insert into annotation_event (document_id, group_id, type, annotation_id, actor)
                           values (:doc, :group, :type, :annotation, :actor) returning id)
                select pg_notify('%s', e.id || '|' || :doc || '|' || :group || '|' || :type || '|' || :annotation || '|' || :actor)
                from e""".formatted(CHANNEL))
                .setParameter("doc", event.documentId()).setParameter("group", event.groupId()).setParameter("type", event.type())
                .setParameter("annotation", event.annotationId()).setParameter("actor", event.actor()).getSingleResult();
    }

    /**
     * Announces an event that is not journalled (presence): id 0, so it never moves a client's
     * Last-Event-ID. Same channel and payload format as journalled events.
     */
    void announce(String documentId, String groupId, String type, String actor) {
        em.createNativeQuery("select pg_notify('" + CHANNEL + "', :payload)")
                .setParameter("payload", payload(0, documentId, groupId, type, "", actor)).getSingleResult();
    }

    static String payload(long id, String documentId, String groupId, String type, String annotationId, String actor) {
        return id + "|" + documentId + "|" + groupId + "|" + type + "|" + annotationId + "|" + actor;
    }

    /** Events of a document after the given one, for a client that reconnects with Last-Event-ID. */
    @Transactional
    public List<LiveEvent> after(String documentId, long lastId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, document_id, group_id, type, annotation_id, actor from annotation_event
                where document_id = :doc and id > :last order by id limit 10000""")
                .setParameter("doc", documentId).setParameter("last", lastId).getResultList();
        return rows.stream().map(r -> new LiveEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5])).toList();
    }

    static LiveEvent parse(String payload) {
        String[] p = payload.split("\\|", 6);
        return new LiveEvent(Long.parseLong(p[0]), p[1], p[2], p[3], p[4], p[5]);
    }
}
