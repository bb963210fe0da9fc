package org.seminar.annotator.document.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.seminar.annotator.document.parse.ocr.Tesseract;

/**
 * Rebuilds an article's logical structure from a text-based PDF, using what the PDF knows beyond the characters:
 * every glyph's position, size and font. The work is a pipeline of small stages, each its own class:
 *
 * <ol>
 * <li>{@link PdfGlyphReader}: the text layer as {@link PageText}s (positioned fragments with size and style, and the
 * rules each page draws); OCR'd pages enter the pipeline here too, through {@link #readPages}.</li>
 * <li>{@link LineBuilder}: fragments become lines, word breaks found by gaps relative to the font size; raised small
 * digits are footnote markers.</li>
 * <li>{@link PageZones}: running heads, folios and stamps at the page's edges go; the footnote area is found by its
 * rule or its smaller type below the body text.</li>
 * <li>{@link ReadingOrder} and {@link BlockBuilder}: columns found from the text, then headings ({@link HeadingRule}),
 * paragraphs kept whole across page and column breaks, tables, figures and code as blocks of their own
 * ({@link BlockKinds}).</li>
 * <li>{@link FrontMatter} and {@link FootnoteReader}: title, authors, abstract, keywords; footnotes by their numbering,
 * continued over pages, linked to the markers in the text.</li>
 * </ol>
 * {@link LayoutPipeline} runs stages 2 to 5. What is left out of the text on purpose is listed in
 * {@link ParsedArticle#dropped()}.
 *
 * <p>Reading is bounded by {@link PdfLimits} (decoded bytes, pages, objects, characters, time; see {@link ReadBudget}),
 * and the text layer must decode: glyphs that map to no Unicode (a font without a ToUnicode map and with glyph names
 * no list knows) or to control characters make a page unreadable, see {@link #UNREADABLE_SHARE}.
 */
public final class PdfArticleReader {

    /** A PDF that cannot be imported, with the reason in words a teacher can act on. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** A PDF that asks for more than its {@link PdfLimits} allow; the message names the limit. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /**
     * A page is unreadable when at least {@link #MIN_UNREADABLE} of its glyphs, and more than this share of them, do
     * not decode. Below that they are stray artefacts (a symbol or two set in a font without a Unicode map): each
     * is kept as U+FFFD, visibly, where it stands, and an admin can correct the paragraph. A page set in such a font
     * has nearly all of its glyphs undecodable, far above either bound.
     */
    static final double UNREADABLE_SHARE = 0.05;
    static final int MIN_UNREADABLE = 10;
    /**
     * How far into the file the {@code %PDF-} header may start: PDF readers accept junk before it (a mail gateway's
     * byte, a server's stray newline) within the first kilobyte.
     */
    static final int MAX_HEADER_OFFSET = 1024;

    private final PdfLimits limits;
    private final Tesseract ocr;

    /** A reader without OCR: a scanned PDF is refused. */
    public PdfArticleReader(PdfLimits limits) {
        this(limits, Tesseract.none());
    }

    /** A reader that reads scanned pages with {@code ocr} where it is available (see {@link ScannedPages}). */
    public PdfArticleReader(PdfLimits limits, Tesseract ocr) {
        this.limits = limits;
        this.ocr = ocr;
    }

    /**
     * Reads the PDF; throws {@link Unreadable} for an encrypted, broken or image-only file or one whose text does not
     * decode, {@link TooLarge} for one beyond the limits.
     */
    public ParsedArticle read(byte[] pdf) {
        int header = new String(pdf, 0, Math.min(pdf.length, MAX_HEADER_OFFSET), StandardCharsets.ISO_8859_1).indexOf("%PDF-");
        if (pdf.length < 8 || header < 0) {
            throw new Unreadable("is not a PDF (it does not start with %PDF-)");
        }
        if (header > 0) {
            pdf = java.util.Arrays.copyOfRange(pdf, header, pdf.length); // bytes before the header, as PDF readers allow
        }
        String tail = new String(pdf, Math.max(0, pdf.length - 1024), Math.min(1024, pdf.length), StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new Unreadable("is cut short: the PDF's end-of-file marker is missing (was the upload interrupted?)");
        }
        ReadBudget budget = new ReadBudget(limits);
        List<PageText> pages;
        ScannedPages.Result scans;
        // strict: a lenient parse repairs broken files by decoding what it finds past the budget (see BoundedPdfParser)
        try (PDDocument document = new BoundedPdfParser(pdf, budget).parse(false)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new Unreadable("is encrypted and does not allow its text to be copied; send an unprotected copy");
            }
            budget.requireObjects(document.getDocument().getXrefTable().size());
            budget.requirePages(document.getNumberOfPages());
            pages = new ArrayList<>(PdfGlyphReader.read(document, budget));
            scans = ScannedPages.read(document, letters(pages), ocr, budget);
            scans.pages().forEach(pages::set);
        } catch (InvalidPasswordException e) {
            throw new Unreadable("is encrypted with a password; send an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable || e instanceof TooLarge) {
                throw (RuntimeException) e;
            }
            budget.check(); // a limit the PDF library stumbled over is the answer, not the library's error
            // a damaged file can make the PDF library fail in many ways: all of them are the file's fault
            throw new Unreadable("is not a readable PDF (" + e.getMessage() + "); if a PDF reader opens it, save or print it as a "
                    + "new PDF and send that");
        }
        budget.check();
        return LayoutPipeline.read(pages, budget, scans.ocr(), scans.notes());
    }

    /** The letters of each page's text layer. */
    private static long[] letters(List<PageText> pages) {
        return pages.stream().mapToLong(p -> p.fragments().stream().filter(g -> Character.isLetter(g.text().codePointAt(0))).count())
                .toArray();
    }

    /**
     * Rebuilds the article from pages of positioned text that came from elsewhere than a PDF's text layer (OCR): the
     * same stages as {@link #read} after the glyphs are read; the article is marked {@link ParsedArticle#ocr()}. The
     * budget's time limit applies.
     */
    public static ParsedArticle readPages(List<PageText> pages, ReadBudget budget) {
        return LayoutPipeline.read(pages, budget, true, List.of());
    }

    /** "page 3", "pages 2-5, 9": ascending page numbers with runs compressed. */
    static String pageRanges(List<Integer> pages) {
        StringBuilder text = new StringBuilder(pages.size() == 1 ? "page " : "pages ");
        for (int i = 0; i < pages.size(); i++) {
            int from = pages.get(i);
            int to = from;
            while (i + 1 < pages.size() && pages.get(i + 1) == to + 1) {
                to = pages.get(++i);
            }
            text.append(text.charAt(text.length() - 1) == ' ' ? "" : ", ").append(from).append(to > from ? "-" + to : "");
        }
        return text.toString();
    }
}
