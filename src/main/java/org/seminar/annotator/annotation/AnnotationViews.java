package org.seminar.annotator.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the annotation API. */
public final class AnnotationViews {

    private AnnotationViews() {
    }

    /** The longest comment or reply, in UTF-16 code units. */
    public static final int MAX_COMMENT = 10_000;

    /**
     * A new annotation; {@code start}/{@code end} count UTF-16 units in the paragraph's text; tags, a comment or both. Its
     * shape is declared here; what its content must satisfy is {@link AnnotationRules}'.
     */
    public record NewAnnotation(
            @NotBlank(message = "is required") String paragraphId,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer start,
            @NotNull(message = "is required") Integer end,
            @NotNull(message = "is required: the selected text") String quote,
            List<String> tags,
            @Size(max = MAX_COMMENT, message = "is longer than 10,000 characters") String comment,
            String group) {
    }

    /** An edit: the {@code version} the client read, and the new tags and/or comment. */
    public record AnnotationChange(
            @NotNull(message = "is required: the version you read") Integer version,
            List<String> tags,
            @Size(max = MAX_COMMENT, message = "is longer than 10,000 characters") String comment) {
    }

    /**
     * Where a W3C client's annotation comes from, beyond its content: the {@code Slug} it asked for as the last part of
     * its IRI (used when safe and free), its {@code canonical} IRI and the IRI it had given it itself ({@code via}).
     */
    public record Provenance(String slug, String canonical, String via) {
        public static final Provenance NONE = new Provenance(null, null, null);
    }

    /** Places an annotation again (after a correction left it needing attention): the new passage and the version read. */
    public record Placement(
            @NotNull(message = "is required: the version you read") Integer version,
            @NotBlank(message = "is required") String paragraphId,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer start,
            @NotNull(message = "is required") Integer end,
            @NotNull(message = "is required: the selected text") String quote) {
    }

    public record NewReply(
            @NotBlank(message = "is required") @Size(max = MAX_COMMENT, message = "is longer than 10,000 characters") String comment) {
    }

    public record ReplyChange(
            @NotNull(message = "is required: the version you read") Integer version,
            @NotBlank(message = "is required") @Size(max = MAX_COMMENT, message = "is longer than 10,000 characters") String comment) {
    }

    public record Visibility(@NotNull(message = "is required: true or false") Boolean hidden) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A reply; {@code commentHtml} is its comment rendered by {@link Comments}. */
    public record ReplyView(String id, String annotationId, String comment, String commentHtml, String author, String authorName,
            Instant created, Instant updated, int version, Boolean hidden) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * An annotation; {@code commentHtml} is its comment rendered by {@link Comments}; {@code anchor} says how
     * it sits in the text after a correction ({@code exact}, {@code fuzzy}, {@code needs-attention}).
     */
    public record AnnotationView(String id, String documentId, String paragraphId, int start, int end, String quote,
            String prefix, String suffix, List<String> tags, String comment, String commentHtml, String author, String authorName,
            String group, Instant created, Instant updated, int version, List<ReplyView> replies, Boolean hidden, Boolean withdrawn,
            String anchor, String groupId, String canonical, String via) {
    }

    public record HistoryEntry(String action, String actor, Instant at, String replyId, Map<String, Object> changes) {
    }
}
