package org.seminar.annotator.document;

import java.util.List;
import org.seminar.annotator.document.parse.InlineText;

/** What the API and the reading page show of a document: records, never entities. */
public final class DocumentViews {

    private DocumentViews() {
    }

    /** A new document's id. */
    public record Created(String id) {
    }

    /** One paragraph as JSON: its plain text exactly as annotation offsets count it. */
    public record PlainParagraph(String id, String documentId, int number, String text) {
    }

    /**
     * A document in the list: {@code groups} (assigned groups; empty: every group) and {@code status} ("draft": a PDF
     * import not yet published; "published") for admins only.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Summary(String id, String title, boolean archived, List<String> groups, String dueDate, String status) {
        public boolean draft() {
            return Document.DRAFT.equals(status);
        }
    }

    public record Detail(String id, String title, List<String> authors,
            @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText, List<String> keywords,
            String authorNote, List<InlineText.Mark> authorNoteMarks, List<SectionView> sections,
            List<FootnoteView> footnotes, String dueDate, java.time.Instant correctedAt) {

        /** The day of the last correction (UTC), for the reading page's note. */
        public String correctedOn() {
            return correctedAt == null ? null : correctedAt.toString().substring(0, 10);
        }

        public int paragraphCount() {
            return sections.stream().mapToInt(s -> s.paragraphs().size()).sum();
        }
    }

    public record SectionView(String id, String heading, List<ParagraphView> paragraphs) {
    }

    /** A body paragraph: plain {@code text}, with inline {@code marks} and {@code footnoteRefs} as positions in it. */
    /** {@code page}: the page of the PDF the paragraph started on (absent for text imports). */
    public record ParagraphView(String id, int number, String text, List<InlineText.Mark> marks,
            List<FootnoteRefView> footnoteRefs, @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer page) {
    }

    public record FootnoteRefView(String footnoteId, String label, int offset) {
    }

    /** A footnote; {@code referencedBy} lists the paragraphs whose markers point to it. */
    public record FootnoteView(String id, String label, String text, List<InlineText.Mark> marks, List<String> referencedBy) {
    }
}
