package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.seminar.annotator.document.parse.ParsedArticle;
import org.seminar.annotator.document.parse.PdfArticleReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.parse.ArticleParser;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/** Checks an uploaded text before anything is stored, then imports it. */
@ApplicationScoped
public class DocumentUploads {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_TITLE_CHARS = 300;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DocumentUploads.class);

    @Inject
    DocumentImporter importer;
    @Inject
    PdfImports pdfImports;
    @Inject
    AdminLog log;

    /** Validates and imports; every refusal is a problem naming the field, and stores nothing. */
    public String upload(byte[] body, boolean printExtraction, String importedBy) {
        String text = validText(body);
        ArticleParser.Source source = printExtraction ? ArticleParser.Source.PRINT_EXTRACTION : ArticleParser.Source.CLEAN;
        String id = importer.importText(text, source, null, importedBy);
        Document d = Document.findById(id);
        log.record(importedBy, "document-import", d.title, Map.of("id", id, "paragraphs", Paragraph.count("documentId", id)));
        return id;
    }

    /**
     * Reads a PDF into the same structure and imports it; an encrypted, broken or image-only PDF, or one whose text does
     * not decode, is a 400 naming {@code body}, one beyond the reading limits ({@code annotator.pdf.*}) a 413 naming
     * the limit; either stores nothing. The document is a draft until the teacher has checked and published it. Logs how long the reading took and how much memory it allocated.
     */
    @io.micrometer.core.annotation.Timed(value = "annotator.pdf.imports", description = "PDF imports: reading and storing, by outcome")
    public String uploadPdf(byte[] body, String importedBy) {
        requireSize(body, "is empty: send the PDF");
        long started = System.nanoTime();
        PdfImports.Read read;
        try {
            read = pdfImports.read(body);
        } catch (PdfArticleReader.Unreadable e) {
            throw ProblemException.badField("body", e.getMessage());
        } catch (PdfArticleReader.TooLarge e) {
            LOG.infof("Refused a PDF of %d bytes after %d ms: %s", body.length, (System.nanoTime() - started) / 1_000_000, e.getMessage());
            throw new ProblemException(413, "Document too large", "body: " + e.getMessage(), List.of(new Problem.FieldError("body", e.getMessage())));
        }
        ParsedArticle article = read.article();
        if (article.title() == null || article.title().isBlank() || article.title().length() > MAX_TITLE_CHARS) {
            throw ProblemException.badField("title", "no title found on the first page (at most 300 characters)");
        }
        if (article.paragraphs().isEmpty()) {
            throw ProblemException.badField("body", "has no body text after the title");
        }
        requireTextRule(article);
        long storing = System.nanoTime();
        String id = importer.importPdf(article, body, article.pageCount(), importedBy);
        log.record(importedBy, "pdf-import", article.title(), Map.of("id", id, "pages", article.pageCount(), "paragraphs",
                article.paragraphs().size(), "bytes", body.length));
        LOG.infof("Imported PDF %s (%d bytes, %d paragraphs, %d footnotes): read in %d ms, stored in %d ms, %d MB allocated", id,
                body.length, article.paragraphs().size(), article.footnotes().size(), read.millis(),
                (System.nanoTime() - storing) / 1_000_000, read.allocatedBytes() / (1024 * 1024));
        return id;
    }

    /**
     * The text rule over everything read from a PDF, as over every other text the app takes in. The reader already
     * refuses pages whose text does not decode and marks a stray undecodable glyph as U+FFFD; this is the guard that
     * nothing it missed is stored.
     */
    private static void requireTextRule(ParsedArticle article) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(article.title());
        texts.addAll(article.authors());
        texts.add(article.abstractText());
        texts.addAll(article.keywords());
        texts.add(article.authorNote() == null ? null : article.authorNote().text());
        article.sections().forEach(s -> texts.add(s.heading()));
        article.paragraphs().forEach(p -> texts.add(p.text()));
        article.footnotes().forEach(f -> texts.add(f.content().text()));
        article.dropped().forEach(d -> texts.add(d.text()));
        for (String text : texts) {
            TextRules.problem(text).ifPresent(problem -> {
                throw ProblemException.badField("body", "has text that cannot be read: it " + problem);
            });
        }
    }

    /** The one size rule of every upload: not empty, at most {@link #MAX_BYTES}. */
    private static void requireSize(byte[] body, String whenEmpty) {
        if (body == null || body.length == 0) {
            throw ProblemException.badField("body", whenEmpty);
        }
        if (body.length > MAX_BYTES) {
            String tooLarge = "is larger than " + MAX_BYTES / (1024 * 1024) + " MB";
            throw new ProblemException(413, "Document too large", "body: " + tooLarge, List.of(new Problem.FieldError("body", tooLarge)));
        }
    }

    /** Whether an upload is a PDF: by its first bytes, whatever its name says. */
    public static boolean isPdf(byte[] body) {
        return body != null && body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F' && body[4] == '-';
    }

    static String validText(byte[] body) {
        requireSize(body, "is empty: send the document's text");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badField("body", "is not UTF-8 text (binary files cannot be imported)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // a form feed is how text extracted from print marks a page break: it is a line break here
        text = text.replace('\f', '\n');
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (text.indexOf('\0') >= 0 || control > Math.max(3, text.length() / 100)) {
            throw ProblemException.badField("body", "is not plain text (binary content)");
        }
        TextRules.require("body", text);
        if (text.isBlank()) {
            throw ProblemException.badField("body", "is empty: send the document's text");
        }
        String title = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw ProblemException.badField("title", "the first non-empty line must be the title (at most 300 characters)");
        }
        String afterTitle = text.strip().substring(text.strip().indexOf('\n') < 0 ? text.strip().length() : text.strip().indexOf('\n'));
        if (afterTitle.isBlank()) {
            throw ProblemException.badField("body", "has no text after the title");
        }
        return text;
    }
}
