package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.seminar.annotator.storage.DocumentGroupKey;
import java.time.Instant;

/** A seminar group that is blind for a document: its reviewers see only their own work until the reveal. */
@Entity
@IdClass(DocumentGroupKey.class)
public class BlindMode extends PanacheEntityBase {

    @Id
    public String documentId;
    @Id
    public String groupId;
    public String changedBy;
    public Instant changedAt;
}
