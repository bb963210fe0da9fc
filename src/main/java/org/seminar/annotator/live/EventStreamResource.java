package org.seminar.annotator.live;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Server-sent events of a document: {@code annotation-created}, {@code annotation-updated},
 * {@code annotation-deleted}, {@code reply-created}, each with the annotation id, only for annotations
 * the subscriber may see. A reconnect with {@code Last-Event-ID} first replays what it missed; a
 * comment line {@code : connected} follows the replay (or opens a fresh stream).
 */
@Path("/api/documents/{id}/events")
@Authenticated
public class EventStreamResource {

    @Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    @Inject
    Subscribers subscribers;
    @Inject
    EventJournal journal;
    @Inject
    Readers readers;
    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @APIResponse(responseCode = "200", description = "Server-sent events of the document, as long as the connection lasts; Last-Event-ID resumes", content = @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING)))
    public void stream(@PathParam("id") String documentId, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        documentAccess.check(documentId, readers.current().admin(), readers.current().groupIds());
        {
            Reader reader = readers.current();
            Subscribers.Subscriber subscriber = new Subscribers.Subscriber(documentId, reader, user.accountId(), sink, sse);
            subscribers.add(subscriber);
            if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
                subscribers.replay(subscriber, journal.after(documentId, Long.parseLong(lastEventId)));
            }
            // the comment line marks the end of any replay: from here on the stream is live
            subscribers.send(subscriber, sse.newEventBuilder().comment("connected").build());
        }
    }
}
