package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * Documents over a term, for admins: rename, archive (kept, hidden from reviewers, reversible),
 * assign to seminar groups, set a due date, and delete (with what goes counted first). Every change
 * is in the admin log.
 */
@ApplicationScoped
public class DocumentAdministration {

    @Inject
    EntityManager em;
    @Inject
    SeminarGroups groups;
    @Inject
    DocumentAccess access;
    @Inject
    AdminLog log;
    @Inject
    PdfPages pages;

    /** A change; absent fields stay as they are; {@code groups} empty means every group, {@code dueDate} "" removes it. */
    public record DocumentChange(String title, Boolean archived, List<String> groups, String dueDate) {
    }

    /** What deleting a document takes with it. */
    public record Usage(String id, String title, long annotations, long replies, long reviewers) {
    }

    @Transactional
    public DocumentViews.Summary update(String id, DocumentChange change, String actor) {
        Document d = Document.<Document>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No document with id " + id));
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String title = null;
        if (change.title() != null) {
            if (change.title().isBlank() || change.title().strip().length() > 300) {
                errors.add(new Problem.FieldError("title", "is required (at most 300 characters)"));
            } else if (!TextRules.check("title", change.title(), errors)) {
                title = change.title().strip().replaceAll("\\s+", " ");
            }
        }
        Set<String> groupIds = null;
        if (change.groups() != null) {
            groupIds = new LinkedHashSet<>();
            for (int i = 0; i < change.groups().size(); i++) {
                String name = change.groups().get(i);
                var groupId = name == null ? java.util.Optional.<String>empty() : groups.idOf(name);
                if (groupId.isEmpty()) {
                    errors.add(new Problem.FieldError("groups[" + i + "]", "'" + name + "' is not a seminar group"));
                } else {
                    groupIds.add(groupId.get());
                }
            }
        }
        LocalDate due = null;
        boolean dueGiven = change.dueDate() != null;
        if (dueGiven && !change.dueDate().isBlank()) {
            try {
                due = LocalDate.parse(change.dueDate());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("dueDate", "must be a date like 2026-12-18 (or empty to remove it)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (title != null && !title.equals(d.title)) {
            details.put("title", Map.of("from", d.title, "to", title));
            d.title = title;
        }
        if (change.archived() != null && change.archived() != d.archived) {
            details.put("archived", change.archived());
            d.archived = change.archived();
            d.archivedAt = d.archived ? java.time.Instant.now() : null;
            d.archivedBy = d.archived ? actor : null;
        }
        if (dueGiven && !java.util.Objects.equals(due, d.dueDate)) {
            details.put("dueDate", due == null ? "none" : due.toString());
            d.dueDate = due;
        }
        List<DocumentGroup> rows = groupIds == null ? List.of() : DocumentGroup.list("documentId", id);
        Set<String> assigned = rows.stream().map(r -> r.groupId).collect(java.util.stream.Collectors.toSet());
        if (groupIds != null && !assigned.equals(groupIds)) {
            // row by row, through the rows loaded once: a bulk delete beside loaded rows would leave them in the session,
            // and a group kept ({a} -> {a, b}) would then be persisted twice
            for (DocumentGroup row : rows) {
                if (!groupIds.contains(row.groupId)) {
                    row.delete();
                }
            }
            for (String g : groupIds) {
                if (!assigned.contains(g)) {
                    DocumentGroup row = new DocumentGroup();
                    row.documentId = id;
                    row.groupId = g;
                    row.persist();
                }
            }
            details.put("groups", groupIds.isEmpty() ? List.of("every group") : groupIds.stream().map(groups::nameOf).toList());
        }
        if (!details.isEmpty()) {
            log.record(actor, "document-update", d.title, details);
        }
        return summary(d);
    }

    @Transactional
    public Usage usage(String id) {
        Document d = Document.<Document>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No document with id " + id));
        Tuple t = (Tuple) em.createNativeQuery("""
                select (select count(*) from annotation a where a.document_id = :doc) as annotations,
                       (select count(*) from reply r join annotation a on a.id = r.annotation_id where a.document_id = :doc) as replies,
                       (select count(distinct u.author) from (select a.author from annotation a where a.document_id = :doc
                               union select r.author from reply r join annotation a on a.id = r.annotation_id where a.document_id = :doc) u)
                           as reviewers""", Tuple.class).setParameter("doc", id).getSingleResult();
        return new Usage(id, d.title, ((Number) t.get("annotations")).longValue(), ((Number) t.get("replies")).longValue(),
                ((Number) t.get("reviewers")).longValue());
    }

    /** Deletes a document with its annotations, replies, history and events; logged with what went. */
    @Transactional
    public Usage delete(String id, String actor) {
        Usage usage = usage(id);
        em.createNativeQuery("delete from annotation_history where document_id = :doc").setParameter("doc", id).executeUpdate();
        Document.deleteById(id);
        pages.forget(id);
        log.record(actor, "document-delete", usage.title(), Map.of("annotations", usage.annotations(), "replies", usage.replies(),
                "reviewers", usage.reviewers()));
        return usage;
    }

    /** The names of the seminar groups a document can be assigned to. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> groupNames() {
        return em.createNativeQuery("select name from seminar_group order by name").getResultList();
    }

    /** The document as admins list it: title, archived, assigned groups (names), due date. */
    @Transactional
    public DocumentViews.Summary summary(Document d) {
        return new DocumentViews.Summary(d.id, d.title, d.archived, access.groupsOf(d.id).stream().map(groups::nameOf).sorted().toList(),
                d.dueDate == null ? null : d.dueDate.toString(), d.status);
    }
}
