package org.seminar.annotator.notification;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The notification API's bodies (records at the edge; never entities). */
public final class NotificationViews {

    private NotificationViews() {
    }

    /**
     * One inbox entry. {@code kind}: reply, thread, mention, assigned, due, reveal; {@code link} leads to the place
     * (the document, at the annotation's paragraph).
     */
    public record NotificationView(String id, String kind, String text, String documentId, String documentTitle, String annotationId,
            String replyId, String paragraphId, String actor, String actorName, String excerpt, String link, Instant created, boolean read) {
    }

    /** The signed-in person's inbox, newest first, and how many entries are unread. */
    public record InboxView(List<NotificationView> notifications, long unread) {
    }

    /** A change of one entry: read or unread. */
    public record ReadChange(@Schema(required = true) Boolean read) {
    }
}
