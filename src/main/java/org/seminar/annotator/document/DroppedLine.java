package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A line left out of a document's text on purpose (a running head, a page number, a pull quote, a margin note), by the
 * import or by the teacher reviewing it, with the page it was printed on: kept so that what went can be checked.
 */
@Entity
@Table(name = "dropped_line")
public class DroppedLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String documentId;
    public int position;
    /** ParsedArticle.DropReason's id: "running-head", "page-number", "pull-quote", "margin-note", "other". */
    public String reason;
    public Integer page;
    public String text;

    public static List<DroppedLine> ofDocument(String documentId) {
        return list("documentId = ?1 order by position", documentId);
    }

    /** Records a line as dropped, after those already recorded. */
    public static void record(String documentId, String reason, Integer page, String text) {
        DroppedLine line = new DroppedLine();
        line.documentId = documentId;
        Integer last = getEntityManager().createQuery("select max(d.position) from DroppedLine d where d.documentId = ?1", Integer.class)
                .setParameter(1, documentId).getSingleResult();
        line.position = last == null ? 0 : last + 1;
        line.reason = reason;
        line.page = page;
        line.text = text;
        line.persist();
    }
}
