package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A seminar group that is blind for a document: its reviewers see only their own work until the reveal. */
@Entity
@IdClass(BlindMode.Key.class)
public class BlindMode extends PanacheEntityBase {

    /** The composite key: document and group. */
    public static class Key implements Serializable {
        public String documentId;
        public String groupId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(documentId, k.documentId) && Objects.equals(groupId, k.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, groupId);
        }
    }

    @Id
    public String documentId;
    @Id
    public String groupId;
    public String changedBy;
    public Instant changedAt;
}
