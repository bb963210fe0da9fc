package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** The PDF a document was imported from (at most 5 MB), kept so that the review page can show its pages. */
@Entity
@Table(name = "document_pdf")
public class DocumentPdf extends PanacheEntityBase {

    @Id
    public String documentId;
    public int pages;
    public byte[] bytes;

    /** How many pages the document's PDF has; empty for a document not imported from a PDF. */
    public static Optional<Integer> pagesOf(String documentId) {
        return getEntityManager().createQuery("select p.pages from DocumentPdf p where p.documentId = ?1", Integer.class)
                .setParameter(1, documentId).getResultStream().findFirst();
    }
}
