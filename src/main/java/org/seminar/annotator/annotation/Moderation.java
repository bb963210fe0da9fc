package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.seminar.annotator.storage.Versions;
import org.seminar.annotator.web.ProblemException;

/**
 * Moderation, the same for an annotation and for a reply: only admins hide or show; the change is
 * versioned, recorded in the annotation's history and announced (hiding an annotation as
 * {@code annotation-hidden}, everything else as an update of the annotation).
 */
@ApplicationScoped
public class Moderation {

    @Inject
    Event<AnnotationEvent> events;

    /** Hides or shows the annotation ({@code reply} null) or one of its replies, as the request says. */
    void setHidden(Annotation a, Reply reply, AnnotationViews.Visibility request, Reader reader) {
        if (!reader.admin()) {
            throw ProblemException.forbidden("Only admins hide " + (reply == null ? "annotations" : "replies"));
        }
        if (request == null || request.hidden() == null) {
            throw ProblemException.badField("hidden", "is required: true or false");
        }
        boolean hidden = request.hidden();
        if ((reply == null ? a.hidden : reply.hidden) == hidden) {
            return;
        }
        if (reply == null) {
            a.hidden = hidden;
            a.updated = Instant.now();
        } else {
            reply.hidden = hidden;
        }
        Versions.write(reply == null ? "annotation" : "reply");
        AnnotationHistory.record("moderation-" + (reply == null ? "" : "reply-") + (hidden ? "hide" : "unhide"), reader.username(), a,
                reply == null ? null : reply.id, Map.of("hidden", hidden));
        boolean annotationHidden = reply == null && hidden;
        events.fire(AnnotationEvent.about(annotationHidden ? EventType.ANNOTATION_HIDDEN : EventType.ANNOTATION_UPDATED, a, reader.username()));
    }
}
