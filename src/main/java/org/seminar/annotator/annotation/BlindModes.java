package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.web.ProblemException;

/**
 * Which (document, group) pairs are blind. Kept in the database; each instance caches the set and
 * refreshes it when a {@code blind} or {@code reveal} event arrives through NOTIFY.
 */
@ApplicationScoped
public class BlindModes {

    @jakarta.inject.Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    /** The switch as the API takes and returns it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BlindModeChange", description = "Blind mode for a group of the document: on while reviewers annotate unseen by each other")
    public record Switch(String group, Boolean blind) {
    }

    private volatile Set<String> blind;

    @Inject
    EntityManager em;
    @Inject
    SeminarGroups groups;
    @Inject
    Event<AnnotationEvent> events;
    @Inject
    AdminLog log;

    public boolean isBlind(String documentId, String groupId) {
        Set<String> current = blind;
        if (current == null) {
            current = load();
        }
        return current.contains(documentId + "/" + groupId);
    }

    @Transactional
    Set<String> load() {
        Set<String> set = ConcurrentHashMap.newKeySet();
        BlindMode.<BlindMode>listAll().forEach(b -> set.add(b.documentId + "/" + b.groupId));
        blind = set;
        return set;
    }

    /** Forgets the cache; the next check reads the database. Called when another instance changed a switch. */
    public void invalidate() {
        blind = null;
    }

    @Transactional
    public Switch set(String documentId, Switch request, Reader reader) {
        if (!reader.admin()) {
            throw ProblemException.forbidden("Only admins switch blind mode");
        }
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        if (request == null || request.blind() == null) {
            throw ProblemException.badField("blind", "is required: true or false");
        }
        if (request.group() == null || request.group().isBlank()) {
            throw ProblemException.badField("group", "is required");
        }
        String groupId = groups.idOf(request.group()).orElseThrow(() -> ProblemException.badField("group", "is not a seminar group"));
        int switched;
        if (request.blind()) {
            switched = em.createNativeQuery("""
                    insert into blind_mode (document_id, group_id, changed_by, changed_at) values (:doc, :group, :by, :at)
                    on conflict (document_id, group_id) do nothing""")
                    .setParameter("doc", documentId).setParameter("group", groupId).setParameter("by", reader.username())
                    .setParameter("at", Instant.now()).executeUpdate();
        } else {
            switched = em.createNativeQuery("delete from blind_mode where document_id = :doc and group_id = :group")
                    .setParameter("doc", documentId).setParameter("group", groupId).executeUpdate();
        }
        events.fire(AnnotationEvent.aboutGroup(request.blind() ? EventType.BLIND : EventType.REVEAL, documentId, groupId, reader.username()));
        blind = null;
        if (switched > 0) {
            Document d = Document.findById(documentId);
            log.record(reader.username(), "blind-mode", d == null ? documentId : d.title, Map.of("blind", request.blind(), "group", request.group()));
        }
        return new Switch(request.group(), request.blind());
    }
}
