package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.seminar.annotator.storage.DocumentGroupKey;

/** A document assigned to a seminar group (a document without any is read by every group). */
@Entity
@Table(name = "document_group")
@IdClass(DocumentGroupKey.class)
public class DocumentGroup extends PanacheEntityBase {

    @Id
    public String documentId;
    @Id
    public String groupId;
}
