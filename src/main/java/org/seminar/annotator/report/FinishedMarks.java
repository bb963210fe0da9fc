package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.web.ProblemException;

/** Reviewers marking a document finished for one of their groups: the finished reviewers are the coders of agreement. */
@ApplicationScoped
public class FinishedMarks {

    @jakarta.inject.Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    @Transactional
    public ReportViews.Finished set(String documentId, ReportViews.Finished request, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        if (request == null || request.finished() == null) {
            throw ProblemException.badField("finished", "is required: true or false");
        }
        Map<String, String> mine = reader.groupIdsByName();
        String group = request.group();
        if (group == null || group.isBlank()) {
            if (mine.size() != 1) {
                throw mine.isEmpty() ? ProblemException.forbidden("You are in no seminar group")
                        : ProblemException.badField("group", "is required: you are in several groups");
            }
            group = mine.keySet().iterator().next();
        }
        String groupId = mine.get(group);
        if (groupId == null) {
            throw ProblemException.badField("group", "'" + group + "' is not one of your groups");
        }
        DocumentFinished mark = DocumentFinished.of(documentId, groupId, reader.username());
        if (request.finished() && mark == null) {
            mark = new DocumentFinished();
            mark.documentId = documentId;
            mark.groupId = groupId;
            mark.username = reader.username();
            mark.finishedAt = Instant.now();
            mark.persist();
        } else if (!request.finished() && mark != null) {
            mark.delete();
        }
        return new ReportViews.Finished(group, request.finished());
    }

    /** Who marked the document finished for the group, by username. */
    @Transactional
    /** When each reviewer of the group marked the document finished. */
    public java.util.Map<String, java.time.Instant> finishedAt(String documentId, String groupId) {
        java.util.Map<String, java.time.Instant> at = new java.util.TreeMap<>();
        DocumentFinished.<DocumentFinished>list("documentId = ?1 and groupId = ?2", documentId, groupId).forEach(m -> at.put(m.username, m.finishedAt));
        return at;
    }

    public List<String> of(String documentId, String groupId) {
        return DocumentFinished.<DocumentFinished>list("documentId = ?1 and groupId = ?2 order by username", documentId, groupId)
                .stream().map(m -> m.username).toList();
    }
}
