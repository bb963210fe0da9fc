package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.BadPdfs;

/**
 * Reading a PDF is bounded (decoded bytes, pages, objects, characters, time) and applies the text rule: a text layer
 * that does not decode is refused with its pages named, a stray undecodable glyph is kept visibly as U+FFFD. Plain
 * JUnit, each limit set low enough for a small article to pass it.
 */
class PdfReadingLimitsTest {

    private static final PdfLimits GENEROUS = PdfArticleReaderTest.GENEROUS;

    private static PdfLimits with(long inflated, int pages, int objects, int characters, Duration time) {
        return new PdfLimits(inflated, pages, objects, characters, time);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aBombIsRefusedBeforeAnythingHoldsItsInflatedContent() {
        byte[] bomb = BadPdfs.bomb(PdfArticleReaderTest.article(1), 200L << 20);
        assertTrue(bomb.length < 1 << 20, "a small file: " + bomb.length);
        long started = System.nanoTime();
        long before = allocated();
        var e = assertThrows(PdfArticleReader.TooLarge.class, () -> new PdfArticleReader(GENEROUS).read(bomb));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocatedMb = (allocated() - before) >> 20;
        assertEquals("the PDF inflates past 64 MB (its compressed contents decode to more than this server reads)", e.getMessage());
        assertTrue(millis < 5_000, "refused after " + millis + " ms");
        // counted as it inflates, never held: the 64 MB the bomb gets through are not even allocated
        assertTrue(allocatedMb < 32, allocatedMb + " MB allocated");
    }

    @Test
    void eachLimitIsNamedWhenAPdfPassesIt() {
        byte[] article = PdfArticleReaderTest.article(2).render();
        new PdfArticleReader(GENEROUS).read(article); // within all of them

        assertEquals("the PDF inflates past 10,000 bytes (its compressed contents decode to more than this server reads)",
                assertThrows(PdfArticleReader.TooLarge.class, () -> new PdfArticleReader(with(10_000, 300, 200_000, 2_000_000,
                        Duration.ofSeconds(20))).read(article)).getMessage());
        assertEquals("the PDF has 2 pages; at most 1 is read", assertThrows(PdfArticleReader.TooLarge.class,
                () -> new PdfArticleReader(with(64L << 20, 1, 200_000, 2_000_000, Duration.ofSeconds(20))).read(article)).getMessage());
        String objects = assertThrows(PdfArticleReader.TooLarge.class,
                () -> new PdfArticleReader(with(64L << 20, 300, 10, 2_000_000, Duration.ofSeconds(20))).read(article)).getMessage();
        assertTrue(objects.matches("the PDF has [0-9,]+ objects; at most 10 are read"), objects);
        assertEquals("the PDF has more than 1,000 characters of text; at most 1,000 are read", assertThrows(PdfArticleReader.TooLarge.class,
                () -> new PdfArticleReader(with(64L << 20, 300, 200_000, 1_000, Duration.ofSeconds(20))).read(article)).getMessage());
        assertEquals("the PDF takes longer than 1 ms to read", assertThrows(PdfArticleReader.TooLarge.class,
                () -> new PdfArticleReader(with(64L << 20, 300, 200_000, 2_000_000, Duration.ofMillis(1))).read(article)).getMessage());
    }

    @Test
    void aPdfWithManyPagesIsRefusedBeforeItsTextIsRead() {
        long started = System.nanoTime();
        var e = assertThrows(PdfArticleReader.TooLarge.class, () -> new PdfArticleReader(GENEROUS).read(BadPdfs.pages(2000)));
        assertEquals("the PDF has 2,000 pages; at most 300 are read", e.getMessage());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void pagesSetInAFontWithoutAUnicodeMapAreRefusedByNumber() {
        var e = assertThrows(PdfArticleReader.Unreadable.class, () -> new PdfArticleReader(GENEROUS).read(BadPdfs.withUnreadablePages(22)));
        assertEquals("pages 2-23 use fonts without a Unicode map (Helvetica); their text cannot be read. Export the PDF again with "
                + "Unicode text, or import the article's text instead", e.getMessage());
        e = assertThrows(PdfArticleReader.Unreadable.class, () -> new PdfArticleReader(GENEROUS).read(BadPdfs.withUnreadablePages(1)));
        assertTrue(e.getMessage().startsWith("page 2 uses a font without a Unicode map (Helvetica); its text cannot be read."), e.getMessage());
    }

    @Test
    void aStrayUndecodableGlyphIsKeptAsAReplacementCharacterNeverAsAControlCharacter() {
        ParsedArticle article = new PdfArticleReader(GENEROUS).read(BadPdfs.withStrayUnreadableGlyph("xy"));
        String text = String.join("\n", article.paragraphs().stream().map(InlineText::text).toList());
        assertTrue(text.contains("They call it \uFFFD\uFFFD in their own words."), text);
        assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control characters: " + text);
    }

    @Test
    void pageRangesAreCompressed() {
        assertEquals("page 3", PdfArticleReader.pageRanges(List.of(3)));
        assertEquals("pages 2-5, 9", PdfArticleReader.pageRanges(List.of(2, 3, 4, 5, 9)));
        assertEquals("pages 1, 3, 7-8", PdfArticleReader.pageRanges(List.of(1, 3, 7, 8)));
    }
}
