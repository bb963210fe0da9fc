package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.seminar.annotator.document.parse.InlineText;

/**
 * A body paragraph, the unit that gets annotated. {@code text} is plain (no markup, no footnote
 * markers); annotation offsets count UTF-16 units in it. {@code number} is 1..n in reading order.
 */
@Entity
public class Paragraph extends PanacheEntityBase {

    @Id
    public String id;
    public String documentId;
    public String sectionId;
    public int number;
    /** The page of the PDF it was imported from that it started on; null for text imports. */
    public Integer page;
    public String text;
    /** What the block is: "paragraph", "table", "figure" or "code" (ParsedArticle.BlockKind's ids). */
    public String kind = "paragraph";
    @JdbcTypeCode(SqlTypes.JSON)
    public List<InlineText.Mark> marks;

    public static List<Paragraph> ofDocument(String documentId) {
        return list("documentId = ?1 order by number", documentId);
    }

    public static Optional<Paragraph> inDocument(String documentId, String paragraphId) {
        return find("id = ?1 and documentId = ?2", paragraphId, documentId).firstResultOptional();
    }
}
