package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.seminar.annotator.tag.TagService;

/** Turns a change of the codebook into the live event every open reading page hears (fired inside the change's transaction). */
@ApplicationScoped
public class CodebookNews {

    @Inject
    Event<AnnotationEvent> events;
    @Inject
    TagService tags;

    void onChange(@Observes TagService.CodebookChanged change) {
        events.fire(AnnotationEvent.aboutCodebook(change.actor()));
    }

    /**
     * The announcement arrived on this instance (every instance hears it): its copy of the codebook in memory is
     * dropped before the pages are told, so a page that reads the codebook again gets the new one from any instance.
     */
    public void heard() {
        tags.invalidate();
    }
}
