package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

/** A titled part of a document; text before the first heading forms a section without heading. */
@Entity
public class Section extends PanacheEntityBase {

    @Id
    public String id;
    public String documentId;
    public int position;
    public String heading;

    public static List<Section> ofDocument(String documentId) {
        return list("documentId = ?1 order by position", documentId);
    }
}
