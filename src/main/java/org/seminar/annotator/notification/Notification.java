package org.seminar.annotator.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** One entry of a person's inbox, and whether and how it is mailed. */
@Entity
public class Notification extends PanacheEntityBase {

    /** Not to be mailed; to be mailed now; in the next digest; mailed. */
    static final String MAIL_NONE = "none", MAIL_PENDING = "pending", MAIL_DIGEST = "digest", MAIL_SENT = "sent";

    @Id
    public String id;
    public String recipient;
    public String email;
    public String kind;
    public String documentId;
    public String groupId;
    public String annotationId;
    public String replyId;
    public String paragraphId;
    public String actor;
    public String actorName;
    public String excerpt;
    public Instant createdAt;
    public Instant readAt;
    public String mail;
    public Instant mailedAt;

    public NotificationKind kindOf() {
        return NotificationKind.of(kind).orElseThrow();
    }

    /** The place it leads to: the document, at the paragraph of the annotation when there is one. */
    public String link() {
        return "/documents/" + documentId + (paragraphId == null ? "" : "#" + paragraphId);
    }
}
