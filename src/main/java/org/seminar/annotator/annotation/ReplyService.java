package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.storage.Versions;
import org.seminar.annotator.web.ProblemException;

/** The discussion of an annotation: replies, their edits by their authors, and moderation by admins. */
@ApplicationScoped
public class ReplyService {

    @Inject
    AnnotationService annotations;
    @Inject
    Visibility visibility;
    @Inject
    Moderation moderation;
    @Inject
    Event<AnnotationEvent> events;
    @Inject
    Mentions mentions;

    @Transactional
    public AnnotationViews.ReplyView reply(String annotationId, @NotNull(message = "is missing") @Valid AnnotationViews.NewReply request,
            Reader reader) {
        Annotation a = annotations.visible(annotationId, reader);
        Reply r = new Reply();
        r.id = Ids.next('r');
        r.annotationId = a.id;
        r.comment = request.comment();
        r.author = reader.username();
        r.authorName = reader.name();
        r.created = r.updated = Instant.now();
        r.version = 1;
        r.persist();
        Map<String, String> mentioned = mentions.in(r.comment, a.groupId);
        mentions.replace(r.id, a.documentId, mentioned);
        AnnotationHistory.record("reply", reader.username(), a, r.id, AnnotationService.mapOf("comment", r.comment));
        events.fire(AnnotationEvent.aboutReply(EventType.REPLY_CREATED, a, r, reader.username()));
        return AnnotationService.replyView(r, mentioned);
    }

    @Transactional
    public AnnotationViews.ReplyView update(String annotationId, String replyId,
            @NotNull(message = "is missing") @Valid AnnotationViews.ReplyChange change, Reader reader) {
        Annotation a = annotations.visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        if (!r.author.equals(reader.username())) {
            throw ProblemException.forbidden("Only the author edits a reply");
        }
        if (change.version() != r.version) {
            throw Versions.lost("reply");
        }
        String before = r.comment;
        r.comment = change.comment();
        r.updated = Instant.now();
        Versions.write("reply");
        Map<String, String> mentioned = mentions.in(r.comment, a.groupId);
        mentions.replace(r.id, a.documentId, mentioned);
        AnnotationHistory.record("reply-update", reader.username(), a, r.id, AnnotationService.mapOf("from", before, "to", change.comment()));
        events.fire(AnnotationEvent.aboutReply(EventType.ANNOTATION_UPDATED, a, r, reader.username()));
        return AnnotationService.replyView(r, mentioned);
    }

    @Transactional
    public void delete(String annotationId, String replyId, Reader reader) {
        Annotation a = annotations.visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        boolean own = r.author.equals(reader.username());
        if (!own && !reader.admin()) {
            throw ProblemException.forbidden("Only the author (or an admin, as moderation) deletes a reply");
        }
        r.delete();
        Versions.write("reply");
        AnnotationHistory.record(own ? "reply-delete" : "moderation-reply-delete", reader.username(), a, r.id,
                AnnotationService.mapOf("comment", r.comment, "author", r.author));
        events.fire(AnnotationEvent.about(EventType.ANNOTATION_UPDATED, a, reader.username()));
    }

    @Transactional
    public AnnotationViews.ReplyView setHidden(String annotationId, String replyId,
            @NotNull(message = "is missing") @Valid AnnotationViews.Visibility request, Reader reader) {
        Annotation a = annotations.visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        moderation.setHidden(a, r, request, reader);
        return AnnotationService.replyView(r, mentions.of(java.util.List.of(r.id)).get(r.id));
    }

    private Reply visibleReply(Annotation a, String replyId, Reader reader) {
        Reply r = Reply.findById(replyId);
        if (r == null || !r.annotationId.equals(a.id) || !visibility.maySee(reader, a, r)) {
            throw ProblemException.notFound("No reply with id " + replyId);
        }
        return r;
    }
}
