package org.seminar.annotator.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the event journal, as {@link EventJournal} writes it (in one statement with its NOTIFY)
 * and reads it back for a reconnecting stream. Mapped so that Hibernate validates the table.
 */
@Entity
@Table(name = "annotation_event")
public class JournalEntry extends PanacheEntityBase {

    @Id
    public long id;
    public String documentId;
    public String groupId;
    public String type;
    public String annotationId;
    public String replyId;
    public String actor;
    public String subjectAuthor;
    public boolean subjectHidden;
    public boolean replyGone;
    public Instant at;
}
