package org.seminar.annotator.document.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.seminar.annotator.document.parse.ocr.OcrException;
import org.seminar.annotator.document.parse.ocr.OcrPage;
import org.seminar.annotator.document.parse.ocr.ScanReader;
import org.seminar.annotator.document.parse.ocr.Tesseract;

/**
 * Which pages of a PDF are scans, and reading them with OCR where the server has it. A PDF without a text layer is a
 * scan; so is one whose pages are mostly scanned pages (no text of their own but a page-sized image) beside a few with
 * text (a library's cover sheet, a stamp on each page): all its scanned pages are read. In a PDF that is mostly text, a
 * page that is only an image is a figure or a map far more often than a page of text, and reading it would cost seconds
 * for labels read as words: it is noted as not read. Without OCR a scan is refused, and scanned pages are noted.
 */
final class ScannedPages {

    /** Fewer letters than this in the whole text layer: the PDF is a scan (or a picture of text). */
    static final int MIN_LETTERS = 40;
    /**
     * A page with fewer letters than this in its text layer, and an image of {@link #MIN_SCAN_PIXELS}, is a scanned page:
     * a page of print has 2,000 letters or more, a stamp or a download notice on a scan a hundred or so.
     */
    static final int MIN_PAGE_LETTERS = 200;
    /** A page scanned at 150 dpi has about 2 million pixels; a figure set in the text is mostly smaller. */
    static final long MIN_SCAN_PIXELS = 1_000_000;
    /** At least this share of the pages scanned: the PDF is a scan with some text pages, and its scanned pages are read. */
    static final double SCANNED_SHARE = 0.5;

    /** The pages read with OCR (by 0-based index) and what was left out unread. */
    record Result(Map<Integer, PageText> pages, List<ParsedArticle.Dropped> notes) {
        boolean ocr() {
            return !pages.isEmpty();
        }
    }

    private ScannedPages() {
    }

    /** Reads the scanned pages, given the letters each page's text layer has; throws {@link PdfArticleReader.Unreadable}. */
    static Result read(PDDocument document, long[] letters, Tesseract tesseract, ReadBudget budget) throws IOException {
        long all = 0;
        for (long l : letters) {
            all += l;
        }
        boolean wholeScan = all < MIN_LETTERS;
        List<Integer> scanned = new ArrayList<>();
        for (int p = 0; p < letters.length; p++) {
            if (wholeScan || letters[p] < MIN_PAGE_LETTERS && ScanReader.imagePixels(document.getPage(p)) >= MIN_SCAN_PIXELS) {
                scanned.add(p);
            }
        }
        if (scanned.isEmpty()) {
            return new Result(Map.of(), List.of());
        }
        if (!wholeScan && scanned.size() < SCANNED_SHARE * letters.length) {
            return new Result(Map.of(), notes(scanned, "a page that is only an image (a figure, or a scan): its text, if any, is not "
                    + "read, as most pages of this PDF have a text layer"));
        }
        if (!tesseract.available()) {
            if (wholeScan) {
                throw new PdfArticleReader.Unreadable("this PDF has no text (it is a scan or a picture of text), and this server "
                        + "cannot read scans: " + tesseract.unavailableReason());
            }
            return new Result(Map.of(), notes(scanned, "a scanned page, not read: " + tesseract.unavailableReason()));
        }
        budget.allowTime(tesseract.settings().maxTime(), " with OCR (annotator.pdf.ocr.max-time)");
        List<OcrPage> read;
        try {
            read = new ScanReader(tesseract).read(document, scanned, budget::check);
        } catch (OcrException e) {
            throw new PdfArticleReader.Unreadable(e.getMessage());
        }
        Map<Integer, PageText> pages = new LinkedHashMap<>();
        long recognised = 0;
        for (OcrPage page : read) {
            budget.countCharacters((int) Math.min(Integer.MAX_VALUE, page.lines().stream().flatMap(l -> l.words().stream())
                    .mapToLong(w -> w.text().length() + 1).sum()));
            recognised += page.letters();
            pages.put(page.number() - 1, pageText(page));
        }
        if (wholeScan && recognised < MIN_LETTERS) {
            throw new PdfArticleReader.Unreadable("this PDF has no text (it is a scan or a picture of text), and OCR found no text in "
                    + "its page images either");
        }
        return new Result(pages, List.of());
    }

    private static List<ParsedArticle.Dropped> notes(List<Integer> pages, String note) {
        return pages.stream().map(p -> new ParsedArticle.Dropped(ParsedArticle.DropReason.OTHER, p + 1, note)).toList();
    }

    /** The page as the pipeline's input: each word one fragment, a blank between words, no style. */
    static PageText pageText(OcrPage page) {
        List<PageText.Fragment> fragments = new ArrayList<>();
        for (OcrPage.Line line : page.lines()) {
            for (int i = 0; i < line.words().size(); i++) {
                OcrPage.Word w = line.words().get(i);
                if (i > 0) {
                    fragments.add(new PageText.Fragment(" ", w.x(), line.baseline(), 0, line.fontSize(), PageText.PLAIN));
                }
                fragments.add(new PageText.Fragment(w.text(), w.x(), line.baseline(), w.width(), line.fontSize(), PageText.PLAIN));
            }
        }
        return new PageText(page.number(), page.width(), page.height(), fragments);
    }
}
