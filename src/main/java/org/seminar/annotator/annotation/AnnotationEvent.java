package org.seminar.annotator.annotation;

/** Something changed in a group's annotations of a document; observers (such as live updates) react after commit. */
public record AnnotationEvent(String type, String documentId, String groupId, String annotationId, String actor) {
}
