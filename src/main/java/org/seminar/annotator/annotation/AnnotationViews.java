package org.seminar.annotator.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the annotation API. */
public final class AnnotationViews {

    private AnnotationViews() {
    }

    /** A new annotation; {@code start}/{@code end} count UTF-16 units in the paragraph's text. */
    public record NewAnnotation(String paragraphId, Integer start, Integer end, String quote, List<String> tags,
            String comment, String group) {
    }

    /** An edit: the {@code version} the client read, and the new tags and/or comment. */
    public record AnnotationChange(Integer version, List<String> tags, String comment) {
    }

    public record NewReply(String comment) {
    }

    public record ReplyChange(Integer version, String comment) {
    }

    public record Visibility(Boolean hidden) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A reply; {@code commentHtml} is its comment rendered by {@link Comments}. */
    public record ReplyView(String id, String annotationId, String comment, String commentHtml, String author, String authorName,
            Instant created, Instant updated, int version, Boolean hidden) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** An annotation; {@code commentHtml} is its comment rendered by {@link Comments}. */
    public record AnnotationView(String id, String documentId, String paragraphId, int start, int end, String quote,
            String prefix, String suffix, List<String> tags, String comment, String commentHtml, String author, String authorName,
            String group, Instant created, Instant updated, int version, List<ReplyView> replies, Boolean hidden) {
    }

    public record HistoryEntry(String action, String actor, Instant at, String replyId, Map<String, Object> changes) {
    }
}
