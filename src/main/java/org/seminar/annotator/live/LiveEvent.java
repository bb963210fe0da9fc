package org.seminar.annotator.live;

/** A change as it travels to subscribers: its sequence number (the SSE id) and what changed, for whom. */
public record LiveEvent(long id, String documentId, String groupId, String type, String annotationId, String actor) {
}
