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
 * Which pages of a PDF are scans, read with OCR where the server has it: all pages of a PDF without a text layer, and,
 * in a PDF with one, the pages that have no text but a page-sized image. Without OCR the first is refused and the
 * second kind is noted as left out.
 */
final class ScannedPages {

    /** Fewer letters than this in the whole text layer: the PDF is a scan (or a picture of text). */
    static final int MIN_LETTERS = 40;
    /** A page with fewer letters than this in the text layer, and an image of {@link #MIN_SCAN_PIXELS}, is a scanned page. */
    static final int MIN_PAGE_LETTERS = 20;
    /** A page scanned at 150 dpi has about 2 million pixels; a figure set in the text is mostly smaller. */
    static final long MIN_SCAN_PIXELS = 1_000_000;
    /**
     * In a PDF with a text layer, a scanned page whose OCR gives fewer letters than this is a picture (a full-page figure
     * with its labels), not a page of text: its recognised words are left out. A page of prose has 2,000 letters or more.
     */
    static final int MIN_PAGE_OCR_LETTERS = 200;

    /** The pages read with OCR (by 0-based index) and what was left out unread. */
    record Result(Map<Integer, OcrPage> pages, List<ParsedArticle.Dropped> notes) {
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
        if (!tesseract.available()) {
            if (wholeScan) {
                throw new PdfArticleReader.Unreadable("this PDF has no text (it is a scan or a picture of text), and this server "
                        + "cannot read scans: " + tesseract.unavailableReason());
            }
            List<ParsedArticle.Dropped> notes = scanned.stream().map(p -> new ParsedArticle.Dropped(ParsedArticle.DropReason.OTHER,
                    p + 1, "a scanned page, left out: " + tesseract.unavailableReason())).toList();
            return new Result(Map.of(), notes);
        }
        if (scanned.isEmpty()) {
            return new Result(Map.of(), List.of());
        }
        budget.allowTime(tesseract.settings().maxTime(), " with OCR (annotator.pdf.ocr.max-time)");
        List<OcrPage> read;
        try {
            read = new ScanReader(tesseract).read(document, scanned, budget::check);
        } catch (OcrException e) {
            throw new PdfArticleReader.Unreadable(e.getMessage());
        }
        Map<Integer, OcrPage> pages = new LinkedHashMap<>();
        long recognised = 0;
        for (OcrPage page : read) {
            budget.countCharacters((int) Math.min(Integer.MAX_VALUE, page.lines().stream().flatMap(l -> l.words().stream())
                    .mapToLong(w -> w.text().length() + 1).sum()));
            recognised += page.letters();
            if (wholeScan || page.letters() >= MIN_PAGE_OCR_LETTERS) {
                pages.put(page.number() - 1, page);
            }
        }
        if (wholeScan && recognised < MIN_LETTERS) {
            throw new PdfArticleReader.Unreadable("this PDF has no text (it is a scan or a picture of text), and OCR found no text in "
                    + "its page images either");
        }
        return new Result(pages, List.of());
    }
}
