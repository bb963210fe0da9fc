package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.seminar.annotator.web.ProblemException;

/**
 * The one rule of who may open a document, called by every path that takes a document id (the
 * document API and pages, annotations, reports and exports, events, presence, the W3C containers):
 * admins open every document; a reviewer opens a document that is not archived and is assigned to
 * one of their groups, or to no group at all (then every group reads it, as the bundled article).
 * A document the caller may not open is answered exactly as one that does not exist (404).
 */
@ApplicationScoped
public class DocumentAccess {

    @Inject
    EntityManager em;
    @Inject
    org.seminar.annotator.account.CurrentUser user;

    /** The same rule for the person asking now (the document API and pages). */
    @Transactional
    public Document requireForCaller(String documentId) {
        return require(documentId, user.isAdmin(), callerGroupIds());
    }

    @Transactional
    public List<Document> visibleToCaller() {
        return visible(user.isAdmin(), callerGroupIds());
    }

    private Collection<String> callerGroupIds() {
        return user.groupIdsByName().map(m -> (Collection<String>) m.values()).orElse(List.of());
    }

    /** Nothing if the caller may open the document; 404 otherwise (as for a document that does not exist). */
    @Transactional
    public void check(String documentId, boolean admin, Collection<String> groupIds) {
        if (!mayOpen(documentId, admin, groupIds)) {
            throw ProblemException.notFound("No document with id " + documentId);
        }
    }

    /**
     * Whether the document exists and the caller may open it: one small query (archived, and its
     * groups), no entity, since it runs on every annotation read and write.
     */
    @Transactional
    public boolean mayOpen(String documentId, boolean admin, Collection<String> groupIds) {
        List<?> rows = documentId == null ? List.of() : em.createNativeQuery("""
                select d.archived, array_to_string(array(select g.group_id from document_group g where g.document_id = d.id), ',')
                from document d where d.id = :id""").setParameter("id", documentId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        String groups = (String) row[1];
        return admin || !Boolean.TRUE.equals(row[0])
                && (groups == null || groups.isEmpty() || java.util.Arrays.stream(groups.split(",")).anyMatch(groupIds::contains));
    }

    /** The document, if the caller may open it; 404 otherwise. */
    @Transactional
    public Document require(String documentId, boolean admin, Collection<String> groupIds) {
        check(documentId, admin, groupIds);
        return Document.findById(documentId);
    }

    /** The documents the caller may open, by title. */
    @Transactional
    public List<Document> visible(boolean admin, Collection<String> groupIds) {
        if (admin) {
            return Document.listByTitle();
        }
        return Document.list("""
                from Document d where d.archived = false
                  and (not exists (select 1 from DocumentGroup g where g.documentId = d.id)
                       or exists (select 1 from DocumentGroup g where g.documentId = d.id and g.groupId in ?1))
                order by d.title, d.importedAt""", groupIds.isEmpty() ? Set.of("-none-") : groupIds);
    }

    /** The groups a document is assigned to (empty: every group). */
    @Transactional
    public List<String> groupsOf(String documentId) {
        return DocumentGroup.<DocumentGroup>list("documentId", documentId).stream().map(g -> g.groupId).sorted().toList();
    }
}
