package org.seminar.annotator.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The last report of a reader on a document: who, in which groups, in which section, when. */
@Entity
@Table(name = "presence")
@IdClass(PresenceEntry.Key.class)
public class PresenceEntry extends PanacheEntityBase {

    /** The composite key: document and reader. */
    public static class Key implements Serializable {
        public String documentId;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(documentId, k.documentId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, username);
        }
    }

    @Id
    public String documentId;
    @Id
    public String username;
    public String name;
    /** The reader's group ids, comma-separated with a comma at each end (",g1,g2,"). */
    public String groupIds;
    public String sectionId;
    public Instant seenAt;
}
