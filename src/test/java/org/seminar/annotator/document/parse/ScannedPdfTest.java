package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.document.parse.ocr.OcrSettings;
import org.seminar.annotator.document.parse.ocr.Tesseract;

/**
 * The corpus scan ({@code 22-scan-scotus-tarrant.pdf}: two page images, no text layer) read end to end with the real
 * Tesseract, scored against its gold with OCR's noise allowed; and the refusal where OCR is off. Tesseract must be
 * installed (Debian: {@code tesseract-ocr tesseract-ocr-eng}; {@code .ci/run} installs it): without it these tests fail.
 */
class ScannedPdfTest {

    private static final Path SCAN = Path.of("src/test/resources/pdf-corpus/22-scan-scotus-tarrant.pdf");
    private static final Path GOLD = Path.of("src/test/resources/pdf-corpus/22-scan-scotus-tarrant.gold.json");
    /**
     * OCR noise allowed in a gold string, as edits (a letter changed, missing or added) per letter: "U. 8S." for "U. S.",
     * "[i]Jf" for "[i]f". A clean 300 dpi scan is read with about one error in a hundred letters, so one in ten is generous
     * and still far from a different sentence.
     */
    static final double NOISE = 0.1;
    /**
     * Gold paragraph starts that must be found (with {@link #NOISE}): 5 of the 6 today. The one missed ("The Red River
     * Compact ...") is recognised word for word but read into the abstract, a matter of the layout stages
     * (first-line indents of recognised lines), scored in PdfCorpusScoreTest.
     */
    static final double FOUND_SHARE = 0.8;

    static Tesseract tesseract;

    @BeforeAll
    static void tesseractIsInstalled() {
        tesseract = Tesseract.detect(OcrSettings.defaults());
        if (!tesseract.available()) {
            fail("these tests read a scan with the real Tesseract; install it (Debian/Ubuntu: apt-get install tesseract-ocr "
                    + "tesseract-ocr-eng): " + tesseract.unavailableReason());
        }
    }

    /** Lower case, letters and digits only, single spaces: quotes, dashes and punctuation are where OCR errs most. */
    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The fewest edits that turn {@code needle} into some substring of {@code haystack} (Sellers' approximate match). */
    static int editsToFind(String needle, String haystack) {
        int[] previous = new int[haystack.length() + 1]; // a match may start anywhere: row 0 is all zeros
        for (int i = 1; i <= needle.length(); i++) {
            int[] row = new int[haystack.length() + 1];
            row[0] = i;
            for (int j = 1; j <= haystack.length(); j++) {
                int substitution = previous[j - 1] + (needle.charAt(i - 1) == haystack.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            previous = row;
        }
        int best = Integer.MAX_VALUE;
        for (int value : previous) {
            best = Math.min(best, value);
        }
        return best;
    }

    /** Whether the gold string is in one of the paragraphs, with at most {@link #NOISE} edits per letter. */
    static boolean found(String gold, List<String> paragraphs) {
        String needle = normalised(gold);
        int allowed = (int) Math.floor(NOISE * needle.length());
        return paragraphs.stream().map(ScannedPdfTest::normalised).anyMatch(p -> p.contains(needle) || editsToFind(needle, p) <= allowed);
    }

    @Test
    void approximateMatchingAllowsOcrNoiseButNotAnotherSentence() {
        assertEquals(0, editsToFind("red river", "the red river compact"));
        assertEquals(1, editsToFind("united states v detroit", "see united 8tates v detroit timber"));
        assertTrue(found("See United States v. Detroit Timber", List.of("See United 8tates v. Detrolt Timber & Lumber Co.")));
        assertFalse(found("The Red River Compact (or Compact) is a congressionally", List.of("The Compact does not pre-empt the Oklahoma")));
    }

    @Test
    void theScanIsReadWithOcrIntoItsParagraphs() throws IOException {
        JsonNode gold = new ObjectMapper().readTree(GOLD.toFile());
        var thread = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocated = thread.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        ParsedArticle article = new PdfArticleReader(PdfArticleReaderTest.GENEROUS, tesseract).read(Files.readAllBytes(SCAN));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OCR: 2 scanned pages read in %d ms (%d ms a page), %d MB allocated by the reading thread%n", millis,
                millis / 2, (thread.getCurrentThreadAllocatedBytes() - allocated) >> 20);
        assertTrue(article.ocr(), "marked as text recognised from page images");
        List<String> paragraphs = new ArrayList<>();
        article.sections().forEach(s -> {
            if (s.heading() != null) {
                paragraphs.add(s.heading());
            }
            s.paragraphs().forEach(p -> paragraphs.add(p.text()));
        });
        List<String> missing = new ArrayList<>();
        int starts = 0;
        for (JsonNode start : gold.get("paragraphStarts")) {
            starts++;
            if (!found(start.asText(), paragraphs)) {
                missing.add(start.asText());
            }
        }
        assertTrue(starts - missing.size() >= FOUND_SHARE * starts, "paragraph starts not found: " + missing + " in " + paragraphs);
        // words are recognised whole wherever the layout put their block (as the corpus score counts them: the missed
        // start above is read into the abstract)
        List<String> text = new ArrayList<>(paragraphs);
        text.add(String.valueOf(article.abstractText()));
        article.footnotes().forEach(f -> text.add(f.content().text()));
        String all = String.join(" ", text);
        for (JsonNode word : gold.get("intactWords")) {
            assertTrue(all.contains(word.asText()), "whole word " + word.asText());
        }
        List<Integer> pages = article.sections().stream().flatMap(s -> s.pages().stream()).distinct().toList();
        assertEquals(List.of(1, 2), pages, "each paragraph knows the page it starts on");
    }

    @Test
    void withOcrTurnedOffTheScanIsRefusedWithHowToReadIt() throws IOException {
        Tesseract off = Tesseract.detect(new OcrSettings(false, "tesseract", "eng", Duration.ofSeconds(120), 2));
        byte[] scan = Files.readAllBytes(SCAN);
        var e = assertThrows(PdfArticleReader.Unreadable.class, () -> new PdfArticleReader(PdfArticleReaderTest.GENEROUS, off).read(scan));
        assertTrue(e.getMessage().startsWith("this PDF has no text (it is a scan or a picture of text)"), e.getMessage());
        assertTrue(e.getMessage().contains("annotator.pdf.ocr.enabled=false"), "names the switch: " + e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install tesseract-ocr tesseract-ocr-eng"), "says what to install: " + e.getMessage());
    }

    @Test
    void withoutTheCommandTheScanIsRefusedNamingIt() throws IOException {
        Tesseract missing = Tesseract.detect(new OcrSettings(true, "/nonexistent/tesseract", "eng", Duration.ofSeconds(120), 2));
        assertFalse(missing.available());
        byte[] scan = Files.readAllBytes(SCAN);
        var e = assertThrows(PdfArticleReader.Unreadable.class,
                () -> new PdfArticleReader(PdfArticleReaderTest.GENEROUS, missing).read(scan));
        assertTrue(e.getMessage().contains("'/nonexistent/tesseract' (annotator.pdf.ocr.command) was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("install Tesseract"), e.getMessage());
    }
}
