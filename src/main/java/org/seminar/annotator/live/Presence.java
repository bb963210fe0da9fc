package org.seminar.annotator.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.EventType;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.web.ProblemException;

/**
 * Who else is reading a document now and in which section. Each reading page reports itself every
 * 30 s and when it scrolls to another section; a {@code presence} event (NOTIFY only, no journal)
 * tells the group's other pages to refresh their list. Readers silent for 70 s count as gone.
 */
@ApplicationScoped
public class Presence {

    @jakarta.inject.Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    /** A reader of the document as co-members see them. */
    public record Here(String username, String name, String sectionId, Instant seenAt) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PresenceReport", description = "Where in the document the reader is")
    public record Report(String sectionId) {
    }

    @Inject
    EntityManager em;
    @Inject
    EventJournal journal;
    @Inject
    Visibility visibility;
    @Inject
    AnnotatorConfig config;

    @Transactional
    public void report(String documentId, Report request, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        String section = request == null ? null : request.sectionId();
        if (section != null && !section.matches("[a-z0-9]{1,32}")) {
            throw ProblemException.badField("sectionId", "is not a section id");
        }
        // an upsert: two tabs of one reader report at once without a key conflict
        em.createNativeQuery("""
                insert into presence (document_id, username, name, group_ids, section_id, seen_at)
                values (:doc, :user, :name, :groups, :section, :at)
                on conflict (document_id, username) do update
                set name = excluded.name, group_ids = excluded.group_ids, section_id = excluded.section_id, seen_at = excluded.seen_at""")
                .setParameter("doc", documentId).setParameter("user", reader.username()).setParameter("name", reader.name())
                .setParameter("groups", "," + String.join(",", reader.groupIds()) + ",").setParameter("section", section)
                .setParameter("at", Instant.now()).executeUpdate();
        for (String group : reader.groupIds()) {
            journal.announce(AnnotationEvent.aboutGroup(EventType.PRESENCE, documentId, group, reader.username()));
        }
    }

    /** Co-members (everyone, for admins) who reported themselves within the presence expiry, the asker excluded. */
    @Transactional
    public List<Here> here(String documentId, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        List<PresenceEntry> entries = PresenceEntry.list("documentId = ?1 and seenAt > ?2 and username <> ?3 order by name", documentId,
                Instant.now().minus(config.live().presenceExpiry()), reader.username());
        return entries.stream()
                .filter(p -> Arrays.stream(p.groupIds.split(",")).anyMatch(group -> !group.isEmpty() && visibility.inGroup(reader, group)))
                .map(p -> new Here(p.username, p.name, p.sectionId, p.seenAt))
                .toList();
    }
}
