package org.seminar.annotator.web;

import java.util.List;

/** A refusal that the client can act on, answered as a problem body with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final long retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, 0);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503: busy for now; the answer says when to try again ({@code Retry-After}, whole seconds, at least 1). */
    public static ProblemException unavailable(String title, String detail, java.time.Duration retryAfter) {
        return new ProblemException(503, title, detail, List.of(), Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** The {@code Retry-After} to answer with, in seconds; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException badFields(List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", Problem.summary(errors), errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** Title of the conflict of an edit based on a version that is no longer current. */
    static final String STALE = "Changed meanwhile";

    /** An edit based on a version that is no longer current (the W3C protocol answers it as 412). */
    public static ProblemException stale(String detail) {
        return new ProblemException(409, STALE, detail, List.of());
    }

    /** Whether this is the refusal of an edit based on a version that is no longer current. */
    public boolean isStale() {
        return status == 409 && STALE.equals(title);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
