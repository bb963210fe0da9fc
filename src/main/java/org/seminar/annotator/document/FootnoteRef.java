package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.util.List;

/** A footnote marker in a paragraph: after {@code textOffset} UTF-16 units of the paragraph's text. */
@Entity
public class FootnoteRef extends PanacheEntity {

    public String paragraphId;
    public String footnoteId;
    public int ordinal;
    public int textOffset;

    public static List<FootnoteRef> ofDocument(String documentId) {
        return find("select r from FootnoteRef r, Paragraph p where r.paragraphId = p.id and p.documentId = ?1"
                + " order by p.number, r.ordinal", documentId).list();
    }
}
