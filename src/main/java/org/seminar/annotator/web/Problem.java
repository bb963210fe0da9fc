package org.seminar.annotator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every API error; {@code errors} names the fields at fault, at most
 * {@link #MAX_LISTED} of them, and {@code moreErrors} says how many more there were (a body with thousands of bad
 * fields gets a bounded answer, not one of megabytes).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        Integer moreErrors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The most field errors one answer lists. */
    public static final int MAX_LISTED = 100;

    /** A problem listing at most {@link #MAX_LISTED} of the errors. */
    public static Problem of(String title, int status, String detail, String instance, List<FieldError> errors) {
        boolean more = errors.size() > MAX_LISTED;
        return new Problem("about:blank", title, status, detail, instance, more ? List.copyOf(errors.subList(0, MAX_LISTED)) : errors,
                more ? errors.size() - MAX_LISTED : null);
    }

    /** The errors as one sentence for {@code detail}: "field: message; …", the first {@link #MAX_LISTED}, then "and N more". */
    public static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(errors.size(), MAX_LISTED); i++) {
            text.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(": ").append(errors.get(i).message());
        }
        if (errors.size() > MAX_LISTED) {
            text.append("; and ").append(errors.size() - MAX_LISTED).append(" more");
        }
        return text.isEmpty() ? "Invalid request" : text.toString();
    }

    /** One rejected field: its name as the client sent it (a JSON pointer-like path) and why. */
    public record FieldError(String field, String message) {
    }
}
