package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.seminar.annotator.web.ProblemException;

/**
 * The one rule of who may open a document, called by every path that takes a document id (the
 * document API and pages, annotations, reports and exports, events, presence, the W3C containers):
 * admins open every document; a reviewer opens a document that is published (not a draft still being
 * checked), not archived and assigned to one of their groups, or to no group at all (then every group
 * reads it, as the bundled article).
 * A document the caller may not open is answered exactly as one that does not exist (404).
 */
@ApplicationScoped
public class DocumentAccess {

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
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

    /** The columns the rule reads: whether the document is archived or a draft, and its groups comma-separated. */
    private static final String RULE_COLUMNS = "d.archived or d.status <> 'published', array_to_string(array(select g.group_id from document_group g"
            + " where g.document_id = d.id), ',')";

    /**
     * Whether the document exists and the caller may open it: one small query (archived, and its
     * groups), no entity, since it runs on every annotation read and write.
     */
    @Transactional
    public boolean mayOpen(String documentId, boolean admin, Collection<String> groupIds) {
        List<?> rows = documentId == null ? List.of() : em.createNativeQuery("select " + RULE_COLUMNS + " from document d where d.id = :id")
                .setParameter("id", documentId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        return rule(Boolean.TRUE.equals(row[0]), (String) row[1], admin, groupIds);
    }

    /**
     * The rule itself: admins open every document; others one not withheld (archived, or a draft), assigned to none of
     * the groups or to one of theirs.
     */
    private static boolean rule(boolean withheld, String groups, boolean admin, Collection<String> groupIds) {
        return admin || !withheld && (groups == null || groups.isEmpty() || Arrays.stream(groups.split(",")).anyMatch(groupIds::contains));
    }

    /**
     * For a write inside a document, in one round trip and without a transaction (a new annotation is checked on
     * every create): 404 unless the caller may open the document, else the text of its paragraph
     * {@code paragraphId}, or null when the document has no such paragraph.
     */
    public String paragraphForWriting(String documentId, String paragraphId, boolean admin, Collection<String> groupIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select " + RULE_COLUMNS + ", p.text from document d"
                        + " left join paragraph p on p.document_id = d.id and p.id = ? where d.id = ?")) {
            query.setString(1, paragraphId);
            query.setString(2, documentId);
            try (ResultSet row = query.executeQuery()) {
                if (documentId == null || !row.next() || !rule(row.getBoolean(1), row.getString(2), admin, groupIds)) {
                    throw ProblemException.notFound("No document with id " + documentId);
                }
                return row.getString(3);
            }
        } catch (SQLException e) {
            // a persistence failure like Hibernate's: 503 when the database cannot be reached (web/DatabaseUnavailable)
            throw new jakarta.persistence.PersistenceException("Could not read document " + documentId, e);
        }
    }

    /** The document, if the caller may open it; 404 otherwise. */
    @Transactional
    public Document require(String documentId, boolean admin, Collection<String> groupIds) {
        check(documentId, admin, groupIds);
        return Document.findById(documentId);
    }

    /**
     * Whether the document is archived and archiving is all that keeps the caller out: it was published and
     * assigned to one of their groups (or to every group), so they could open it before. Only they learn that it
     * was archived; everyone else gets the 404 of a document that does not exist.
     */
    @Transactional
    public boolean archivedForCaller(String documentId) {
        List<?> rows = documentId == null ? List.of() : em.createNativeQuery("select d.archived and d.status = 'published', "
                + "array_to_string(array(select g.group_id from document_group g where g.document_id = d.id), ',') from document d where d.id = :id")
                .setParameter("id", documentId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        return Boolean.TRUE.equals(row[0]) && rule(false, (String) row[1], user.isAdmin(), callerGroupIds());
    }

    /** The documents the caller may open, by title. */
    @Transactional
    public List<Document> visible(boolean admin, Collection<String> groupIds) {
        if (admin) {
            return Document.listByTitle();
        }
        return Document.list("""
                from Document d where d.archived = false and d.status = 'published'
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
