package org.seminar.annotator.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/** The teacher's optional score per document ("at least N annotations and M replies before the due date"), set by admins, logged. */
@ApplicationScoped
public class ParticipationScores {

    /** The largest minimum a score may ask for. */
    static final int MOST = 1000;

    @Inject
    EntityManager em;
    @Inject
    AdminLog log;

    @Transactional
    public Optional<ParticipationViews.Score> of(String documentId) {
        return Optional.ofNullable(of(List.of(documentId)).get(documentId));
    }

    /** The scores of the given documents, by document id (documents without one left out). */
    @Transactional
    public Map<String, ParticipationViews.Score> of(Collection<String> documentIds) {
        Map<String, ParticipationViews.Score> scores = new HashMap<>();
        if (documentIds.isEmpty()) {
            return scores;
        }
        List<?> rows = em.createNativeQuery("select document_id, min_annotations, min_replies from participation_score where document_id in (:docs)")
                .setParameter("docs", List.copyOf(documentIds)).getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            scores.put((String) row[0], new ParticipationViews.Score(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return scores;
    }

    /** Sets (or replaces) the document's score; 400 naming each field that is missing or out of range. */
    @Transactional
    public ParticipationViews.Score set(String documentId, ParticipationViews.Score score, String actor) {
        Document d = Document.<Document>findByIdOptional(documentId).orElseThrow(() -> ProblemException.notFound("No document with id " + documentId));
        if (score == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        check("minAnnotations", score.minAnnotations(), errors);
        check("minReplies", score.minReplies(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        em.createNativeQuery("""
                insert into participation_score (document_id, min_annotations, min_replies, set_by, set_at) values (:doc, :a, :r, :by, :at)
                on conflict (document_id) do update set min_annotations = excluded.min_annotations, min_replies = excluded.min_replies,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .setParameter("doc", documentId).setParameter("a", score.minAnnotations()).setParameter("r", score.minReplies())
                .setParameter("by", actor).setParameter("at", Instant.now()).executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("minAnnotations", score.minAnnotations());
        details.put("minReplies", score.minReplies());
        log.record(actor, "participation-score", d.title, details);
        return score;
    }

    /** Removes the document's score (nothing to do when it has none); logged when there was one. */
    @Transactional
    public void remove(String documentId, String actor) {
        Document d = Document.<Document>findByIdOptional(documentId).orElseThrow(() -> ProblemException.notFound("No document with id " + documentId));
        int removed = em.createNativeQuery("delete from participation_score where document_id = :doc").setParameter("doc", documentId).executeUpdate();
        if (removed > 0) {
            log.record(actor, "participation-score-remove", d.title, Map.of());
        }
    }

    private static void check(String field, Integer value, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required: a whole number from 0 to " + MOST));
        } else if (value < 0 || value > MOST) {
            errors.add(new Problem.FieldError(field, "must be from 0 to " + MOST + ", not " + value));
        }
    }
}
