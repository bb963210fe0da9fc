package org.seminar.annotator.participation;

import java.time.Instant;
import java.util.List;

/** The participation figures at the edge: records, never entities. */
public final class ParticipationViews {

    private ParticipationViews() {
    }

    /**
     * One reviewer's participation. Annotations and replies count when moderation left them in (and an
     * annotation when its author did not withdraw it); words are those of their comments and replies;
     * {@code onTime}: all their activity before the end of the due day (UTC), null without a due date or
     * activity; {@code scoreMet}: the teacher's score reached before the due date, null without a score.
     */
    @io.quarkus.qute.TemplateData
    public record ReviewerRow(String username, String name, String email, long annotations, long repliesGiven, long repliesReceived,
            long words, long paragraphsCovered, long charactersCovered, Instant firstActivity, Instant lastActivity, Boolean onTime,
            Boolean scoreMet) {
    }

    /** The teacher's simple score for a document: at least so many annotations and replies before the due date. */
    public record Score(Integer minAnnotations, Integer minReplies) {
    }

    /** One seminar group's reviewers; {@code ownRowOnly} when the caller is a reviewer (they see their own progress). */
    public record GroupParticipation(String group, boolean blind, boolean ownRowOnly, List<ReviewerRow> reviewers) {
    }

    /** A document's participation, per group. */
    public record DocumentParticipation(String documentId, String title, String dueDate, Score score, List<GroupParticipation> groups) {
    }

    /** A document of the term, as listed with the term's participation. */
    public record TermDocument(String id, String title, String dueDate, Score score) {
    }

    /** A group's participation over the term: every document the group reads, summed per reviewer. */
    public record TermParticipation(String group, boolean ownRowOnly, List<TermDocument> documents, List<ReviewerRow> reviewers) {
    }
}
