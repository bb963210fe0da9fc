package org.seminar.annotator.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;

/**
 * What an annotation's content must satisfy beyond its shape (which Bean Validation on the request
 * records checks): the range lies in the paragraph, the quote is exactly the text there, the tags
 * are live tags of the codebook, and it says something: a tag, a comment, or both (an annotation
 * that only comments is untagged). The one owner of these rules: the JSON API, the page and the W3C
 * protocol all go through it. Pure code, tested without Quarkus.
 */
public final class AnnotationRules {

    /** The outcome: the field errors, and the tags to store (each once, in the order given). */
    public record Checked(List<Problem.FieldError> errors, List<String> tags) {
    }

    private AnnotationRules() {
    }

    /**
     * Checks a new annotation of a paragraph whose text is {@code paragraphText} (null when the
     * paragraph does not belong to the document). Offsets count UTF-16 code units.
     */
    public static Checked checkNew(AnnotationViews.NewAnnotation request, String paragraphText, Map<String, TagService.TagView> codebook) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPassage(paragraphText, request.start(), request.end(), request.quote(), errors);
        List<String> tags = checkTags(request.tags(), codebook, errors);
        requireTagOrComment(tags, request.comment(), errors);
        return new Checked(errors, tags);
    }

    /** A passage: a paragraph of the document, {@code start < end} within it, and the quote exactly the text between. */
    public static void checkPassage(String paragraphText, int start, int end, String quote, List<Problem.FieldError> errors) {
        if (paragraphText == null) {
            errors.add(new Problem.FieldError("paragraphId", "is not a paragraph of this document"));
        }
        if (end <= start) {
            errors.add(new Problem.FieldError("end", "must be greater than start"));
        } else if (paragraphText != null && end > paragraphText.length()) {
            errors.add(new Problem.FieldError("end", "is past the end of the paragraph (" + paragraphText.length() + " characters)"));
        } else if (paragraphText != null && !paragraphText.substring(start, end).equals(quote)) {
            errors.add(new Problem.FieldError("quote", "differs from the paragraph's text at " + start + ".." + end));
        }
    }

    /**
     * Checks the tags of an edit (null: the tags stay as they are) of an annotation that has {@code tagsNow} and
     * {@code commentNow}: what is left after the edit must still be a tag or a comment.
     */
    public static Checked checkChange(AnnotationViews.AnnotationChange change, java.util.Collection<String> tagsNow, String commentNow,
            Map<String, TagService.TagView> codebook) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> tags = change.tags() == null ? null : checkTags(change.tags(), codebook, errors);
        requireTagOrComment(tags == null ? List.copyOf(tagsNow) : tags, change.comment() == null ? commentNow : change.comment(), errors);
        return new Checked(errors, tags);
    }

    /** An annotation with neither a tag nor a comment says nothing: refused, unless its tags were refused already. */
    private static void requireTagOrComment(List<String> tags, String comment, List<Problem.FieldError> errors) {
        boolean tagRefused = errors.stream().anyMatch(e -> e.field().startsWith("tags"));
        if (tags.isEmpty() && (comment == null || comment.isBlank()) && !tagRefused) {
            errors.add(new Problem.FieldError("tags", "needs a tag or a comment"));
        }
    }

    static List<String> checkTags(List<String> tags, Map<String, TagService.TagView> codebook, List<Problem.FieldError> errors) {
        List<String> result = new ArrayList<>();
        if (tags == null) {
            return result;
        }
        for (int i = 0; i < tags.size(); i++) {
            String slug = tags.get(i);
            TagService.TagView tag = slug == null ? null : codebook.get(slug);
            if (tag == null) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "'" + slug + "' is not a tag of the codebook"));
            } else if (tag.retired()) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "'" + slug + "' is retired and cannot be applied"));
            } else if (!result.contains(slug)) {
                result.add(slug);
            }
        }
        return result;
    }
}
