package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.seminar.annotator.document.parse.InlineText;

/** A footnote with its printed label and its whole text (parts a page break cut are joined). */
@Entity
public class Footnote extends PanacheEntityBase {

    @Id
    public String id;
    public String documentId;
    public int number;
    public String label;
    public String text;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<InlineText.Mark> marks;

    public static List<Footnote> ofDocument(String documentId) {
        return list("documentId = ?1 order by number", documentId);
    }
}
