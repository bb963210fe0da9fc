package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.document.parse.ArticleParser;
import org.seminar.annotator.document.parse.InlineText;
import org.seminar.annotator.document.parse.ParsedArticle;
import org.seminar.annotator.storage.Ids;

/** Parses a text and stores the rebuilt document, giving every part its permanent id. */
@ApplicationScoped
public class DocumentImporter {

    private final ArticleParser parser = new ArticleParser();

    /**
     * Stores an article read from a PDF as a draft ({@code document.source_kind} "pdf", or "pdf-ocr" when its text was
     * recognised from page images), with what the reader dropped and the PDF itself for the review page; returns the
     * new document's id.
     */
    @Transactional
    public String importPdf(ParsedArticle article, byte[] pdf, int pages, String importedBy) {
        String id = store(article, article.ocr() ? "pdf-ocr" : "pdf", null, importedBy);
        Document.<Document>findById(id).status = Document.DRAFT;
        int position = 0;
        for (ParsedArticle.Dropped line : article.dropped()) {
            DroppedLine row = new DroppedLine();
            row.documentId = id;
            row.position = position++;
            row.reason = line.reason().id();
            row.page = line.page() > 0 ? line.page() : null;
            row.text = line.text();
            row.persist();
        }
        DocumentPdf stored = new DocumentPdf();
        stored.documentId = id;
        stored.pages = pages;
        stored.bytes = pdf;
        stored.persist();
        return id;
    }

    /** Parses and stores in one transaction; returns the new document's id. */
    @Transactional
    public String importText(String text, ArticleParser.Source source, String bundledKey, String importedBy) {
        ParsedArticle article = parser.parse(text, source);
        return store(article, source == ArticleParser.Source.PRINT_EXTRACTION ? "print-extraction" : "clean", bundledKey, importedBy);
    }

    public ParsedArticle parse(String text, ArticleParser.Source source) {
        return parser.parse(text, source);
    }

    private String store(ParsedArticle article, String sourceKind, String bundledKey, String importedBy) {
        Document doc = new Document();
        doc.id = Ids.next('d');
        doc.title = article.title();
        doc.authors = article.authors();
        doc.abstractText = article.abstractText();
        doc.keywords = article.keywords();
        doc.authorNote = article.authorNote() == null ? null : article.authorNote().text();
        doc.authorNoteMarks = article.authorNote() == null ? List.of() : article.authorNote().marks();
        doc.sourceKind = sourceKind;
        doc.bundledKey = bundledKey;
        doc.importedBy = importedBy;
        doc.importedAt = Instant.now();
        doc.persist();

        Map<String, Footnote> footnotesByLabel = new HashMap<>();
        for (ParsedArticle.Footnote parsed : article.footnotes()) {
            Footnote note = new Footnote();
            note.id = Ids.next('n');
            note.documentId = doc.id;
            note.number = footnotesByLabel.size() + 1;
            note.label = parsed.label();
            note.text = parsed.content().text();
            note.marks = parsed.content().marks();
            note.persist();
            footnotesByLabel.put(parsed.label(), note);
        }
        int number = 0;
        int position = 0;
        for (ParsedArticle.Section parsedSection : article.sections()) {
            Section section = new Section();
            section.id = Ids.next('s');
            section.documentId = doc.id;
            section.position = position++;
            section.heading = parsedSection.heading();
            section.persist();
            for (int i = 0; i < parsedSection.paragraphs().size(); i++) {
                InlineText text = parsedSection.paragraphs().get(i);
                Paragraph paragraph = new Paragraph();
                paragraph.page = parsedSection.pageOf(i);
                paragraph.id = Ids.next('p');
                paragraph.documentId = doc.id;
                paragraph.sectionId = section.id;
                paragraph.number = ++number;
                paragraph.text = text.text();
                paragraph.marks = text.marks();
                paragraph.kind = parsedSection.kindOf(i).id();
                paragraph.persist();
                int ordinal = 0;
                for (InlineText.Ref ref : text.refs()) {
                    Footnote note = footnotesByLabel.get(ref.label());
                    if (note == null) {
                        continue; // a marker without a footnote text: nothing to link to
                    }
                    FootnoteRef link = new FootnoteRef();
                    link.paragraphId = paragraph.id;
                    link.footnoteId = note.id;
                    link.ordinal = ordinal++;
                    link.textOffset = ref.offset();
                    link.persist();
                }
            }
        }
        return doc.id;
    }
}
