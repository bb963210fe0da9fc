package org.seminar.annotator.web;

import java.util.List;
import java.util.Optional;

/**
 * What text the app accepts from outside, wherever it comes from (JSON bodies, query and path
 * parameters, forms, class lists, imported documents): no C0 control characters other than tab,
 * line feed and carriage return, and no unpaired UTF-16 surrogates. Such characters are invisible
 * in every view, break PostgreSQL (NUL) and XML exports, and are never what a person meant.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text is refused, or empty when it is acceptable (null is acceptable: absence is checked elsewhere). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("contains the control character U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(String.format("contains an unpaired surrogate U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(String.format("contains an unpaired surrogate U+%04X at position %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    /** Adds a field error when the text is refused; whether it was. */
    public static boolean check(String field, String text, List<Problem.FieldError> errors) {
        Optional<String> problem = problem(text);
        problem.ifPresent(message -> errors.add(new Problem.FieldError(field, message)));
        return problem.isPresent();
    }

    /** Refuses the text with a 400 naming the field. */
    public static void require(String field, String text) {
        problem(text).ifPresent(message -> {
            throw ProblemException.badField(field, message);
        });
    }
}
