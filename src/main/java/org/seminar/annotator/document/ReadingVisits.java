package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.storage.SqlValues;

/**
 * When each reader last opened each document: the reading page records it, the home page counts what
 * others annotated since ("new since your last visit"). One row per reader and document, overwritten.
 */
@ApplicationScoped
public class ReadingVisits {

    @Inject
    EntityManager em;

    /** The reader opened the document now. */
    @Transactional
    public void record(String documentId, String username) {
        em.createNativeQuery("""
                insert into document_visit (document_id, username, visited_at) values (:doc, :user, now())
                on conflict (document_id, username) do update set visited_at = excluded.visited_at""")
                .setParameter("doc", documentId).setParameter("user", username).executeUpdate();
    }

    /** The reader's last visit of each document they opened, by document id. */
    @Transactional
    public Map<String, Instant> lastVisits(String username) {
        Map<String, Instant> visits = new HashMap<>();
        List<?> rows = em.createNativeQuery("select document_id, visited_at from document_visit where username = :user")
                .setParameter("user", username).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            visits.put((String) r[0], SqlValues.instant(r[1]));
        }
        return visits;
    }
}
