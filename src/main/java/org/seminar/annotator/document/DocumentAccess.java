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

    /** The document, if the caller may open it; 404 otherwise. */
    @Transactional
    public Document require(String documentId, boolean admin, Collection<String> groupIds) {
        Document d = documentId == null ? null : Document.findById(documentId);
        if (d == null || !maySee(d, admin, groupIds)) {
            throw ProblemException.notFound("No document with id " + documentId);
        }
        return d;
    }

    @Transactional
    public boolean maySee(Document d, boolean admin, Collection<String> groupIds) {
        if (admin) {
            return true;
        }
        if (d.archived) {
            return false;
        }
        List<String> assigned = groupsOf(d.id);
        return assigned.isEmpty() || assigned.stream().anyMatch(groupIds::contains);
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
