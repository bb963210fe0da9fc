package org.seminar.annotator.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A reviewer's mark that they finished a document for one of their groups. */
@Entity
@IdClass(DocumentFinished.Key.class)
public class DocumentFinished extends PanacheEntityBase {

    /** The composite key: document, group, reviewer. */
    public static class Key implements Serializable {
        public String documentId;
        public String groupId;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(documentId, k.documentId) && Objects.equals(groupId, k.groupId)
                    && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, groupId, username);
        }
    }

    @Id
    public String documentId;
    @Id
    public String groupId;
    @Id
    public String username;
    public Instant finishedAt;

    static DocumentFinished of(String documentId, String groupId, String username) {
        return find("documentId = ?1 and groupId = ?2 and username = ?3", documentId, groupId, username).firstResult();
    }
}
