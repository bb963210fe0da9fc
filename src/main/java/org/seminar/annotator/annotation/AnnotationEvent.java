package org.seminar.annotator.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something changed in a group's annotations of a document. Fired inside the change's transaction;
 * the journal records it and announces it, and {@link Visibility} decides who hears of it.
 *
 * @param id         the journal's sequence number (0 until journalled; 0 for presence, which is not journalled)
 * @param annotationId null for events about the whole group (blind, reveal, presence)
 * @param replyId    set for events about one reply
 * @param actor      who made the change (for reply events: the reply's author)
 * @param author     the annotation's author
 * @param hidden     whether the annotation is hidden by moderation (after the change; now, when replayed)
 * @param replyGone  whether the reply is hidden or deleted (after the change; now, when replayed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnotationEvent(long id, EventType type, String documentId, String groupId, String annotationId, String replyId,
        String actor, String author, boolean hidden, boolean replyGone) {

    public static AnnotationEvent about(EventType type, Annotation a, String actor) {
        return new AnnotationEvent(0, type, a.documentId, a.groupId, a.id, null, actor, a.author, a.hidden, false);
    }

    public static AnnotationEvent aboutReply(EventType type, Annotation a, Reply r, String actor) {
        return new AnnotationEvent(0, type, a.documentId, a.groupId, a.id, r.id, actor, a.author, a.hidden, r.hidden);
    }

    public static AnnotationEvent aboutGroup(EventType type, String documentId, String groupId, String actor) {
        return new AnnotationEvent(0, type, documentId, groupId, null, null, actor, null, false, false);
    }

    /** The codebook changed: news for every page of every document (no document, no group). */
    public static AnnotationEvent aboutCodebook(String actor) {
        return new AnnotationEvent(0, EventType.CODEBOOK_CHANGED, null, null, null, null, actor, null, false, false);
    }

    public AnnotationEvent withId(long journalId) {
        return new AnnotationEvent(journalId, type, documentId, groupId, annotationId, replyId, actor, author, hidden, replyGone);
    }
}
