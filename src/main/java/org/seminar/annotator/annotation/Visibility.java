package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule of who may see what of the annotations: every path that reads annotations, replies,
 * history, events or reports asks here, as an SQL predicate (lists, reports, exports) or as an
 * in-memory check (one annotation, event fan-out and replay).
 *
 * <p>The rule: admins see everything. Anyone else sees an annotation of a seminar group they belong
 * to when it is their own, or when it is neither hidden by moderation nor in a group that is blind
 * for the document. A reply is seen with its annotation, unless it is hidden (then only its author
 * and admins) or, while the group is blind, written by someone else. Reports and exports count only
 * what is not hidden, for everyone (moderated work does not count), on top of this rule.
 */
@ApplicationScoped
public class Visibility {

    /** The facts about an annotation that decide who sees it. */
    public record Subject(String documentId, String groupId, String author, boolean hidden) {
        static Subject of(Annotation a) {
            return new Subject(a.documentId, a.groupId, a.author, a.hidden);
        }
    }

    @Inject
    BlindModes blindModes;

    // ---- in memory --------------------------------------------------------------------------

    /** Whether the reader belongs to the group (admins belong everywhere): the floor of every rule. */
    public boolean inGroup(Reader reader, String groupId) {
        return reader.admin() || reader.groupIds().contains(groupId);
    }

    public boolean maySee(Reader reader, Subject annotation) {
        if (reader.admin()) {
            return true;
        }
        if (!inGroup(reader, annotation.groupId())) {
            return false;
        }
        if (reader.username().equals(annotation.author())) {
            return true;
        }
        return !annotation.hidden() && !blindModes.isBlind(annotation.documentId(), annotation.groupId());
    }

    public boolean maySee(Reader reader, Annotation annotation) {
        return maySee(reader, Subject.of(annotation));
    }

    /** A reply of an annotation; {@code replyHidden} is also true for a reply that no longer exists. */
    public boolean maySeeReply(Reader reader, Subject annotation, String replyAuthor, boolean replyHidden) {
        if (!maySee(reader, annotation)) {
            return false;
        }
        if (reader.admin() || reader.username().equals(replyAuthor)) {
            return true;
        }
        return !replyHidden && !blindModes.isBlind(annotation.documentId(), annotation.groupId());
    }

    public boolean maySee(Reader reader, Annotation annotation, Reply reply) {
        return maySeeReply(reader, Subject.of(annotation), reply.author, reply.hidden);
    }

    /**
     * A history entry: entries about the annotation follow the annotation; entries about a reply
     * follow the reply as it is now, and once a reply is gone (deleted by its author or by
     * moderation) its history stays with admins only, so a moderated text never comes back.
     */
    public boolean maySee(Reader reader, Annotation annotation, AnnotationHistory entry, Reply replyNow) {
        if (!maySee(reader, annotation)) {
            return false;
        }
        if (entry.replyId == null) {
            return true;
        }
        return replyNow != null ? maySee(reader, annotation, replyNow) : reader.admin();
    }

    /**
     * An event as it happens. Hiding is announced to whoever saw the annotation until then (so their
     * pages drop it); every other event follows the annotation's and reply's state after the change.
     */
    public boolean mayHear(Reader reader, AnnotationEvent event) {
        return mayKnowOf(reader, event, event.type() != EventType.ANNOTATION_HIDDEN && event.hidden());
    }

    /**
     * An event replayed to a client that reconnects: judged by what is true now (the event carries
     * the annotation's and reply's current state), so a hidden annotation's creation is not replayed.
     */
    public boolean mayReplay(Reader reader, AnnotationEvent event) {
        return mayKnowOf(reader, event, event.hidden());
    }

    /** An event, judging its annotation as {@code hidden} or not (the one point where live and replay differ). */
    private boolean mayKnowOf(Reader reader, AnnotationEvent event, boolean hidden) {
        if (event.type() == EventType.CODEBOOK_CHANGED) {
            return true; // everyone signed in reads the codebook
        }
        if (!inGroup(reader, event.groupId())) {
            return false;
        }
        if (!event.type().aboutAnnotation()) {
            return true; // blind, reveal, presence: news for the whole group
        }
        Subject subject = new Subject(event.documentId(), event.groupId(), event.author(), hidden);
        return event.replyId() != null ? maySeeReply(reader, subject, event.actor(), event.replyGone()) : maySee(reader, subject);
    }

    /** Whether the reader sees only their own work in a group's report (blind mode, not an admin). */
    public boolean seesOnlyOwn(Reader reader, String documentId, String groupId) {
        return !reader.admin() && blindModes.isBlind(documentId, groupId);
    }

    // ---- in SQL -----------------------------------------------------------------------------

    /** What someone in no seminar group (and no admin) sees of annotations and replies. */
    private static final Condition NOTHING = new Condition("false", Map.of());

    /** An SQL condition and the parameters it needs. */
    public record Condition(String sql, Map<String, Object> parameters) {
        public <Q extends Query> Q bind(Q query) {
            parameters.forEach(query::setParameter);
            return query;
        }

        Condition and(Condition other) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(other.parameters);
            return new Condition("(" + sql + " and " + other.sql + ")", all);
        }
    }

    /**
     * A condition on the annotation alias {@code a} (columns document_id, group_id, author, hidden)
     * that holds exactly when {@link #maySee(Reader, Subject)} does.
     */
    public Condition annotations(String a, Reader reader) {
        if (reader.admin()) {
            return new Condition("true", Map.of());
        }
        if (reader.groupIds().isEmpty()) {
            return NOTHING;
        }
        return new Condition("(" + a + ".group_id in (:visibility_groups) and (" + a + ".author = :visibility_reader or (not " + a
                + ".hidden and " + notBlind(a) + ")))",
                Map.of("visibility_groups", List.copyOf(reader.groupIds()), "visibility_reader", reader.username()));
    }

    /** A condition on the reply alias {@code r} of the annotation alias {@code a}, matching {@link #maySeeReply}. */
    public Condition replies(String r, String a, Reader reader) {
        if (reader.admin()) {
            return new Condition("true", Map.of());
        }
        if (reader.groupIds().isEmpty()) {
            return NOTHING; // no parameters either: a statement that leaves the condition out still binds
        }
        return annotations(a, reader).and(new Condition("(" + r + ".author = :visibility_reader or (not " + r + ".hidden and "
                + notBlind(a) + "))", Map.of("visibility_reader", reader.username())));
    }

    private static String notBlind(String a) {
        return "not exists (select 1 from blind_mode visibility_b where visibility_b.document_id = " + a
                + ".document_id and visibility_b.group_id = " + a + ".group_id)";
    }
}
