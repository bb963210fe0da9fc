package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.seminar.annotator.tag.TagService;

/** Turns a change of the codebook into the live event every open reading page hears (inside the change's transaction). */
@ApplicationScoped
public class CodebookNews {

    @Inject
    Event<AnnotationEvent> events;

    void onChange(@Observes TagService.CodebookChanged change) {
        events.fire(AnnotationEvent.aboutCodebook(change.actor()));
    }
}
