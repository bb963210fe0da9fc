package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages of positioned words without style, as OCR gives them, enter the pipeline after the glyph stage. */
class ReadPagesTest {

    /** Words laid out left to right on lines {@code leading} apart, each {@code size} high, as an OCR engine reports them. */
    static PageText page(int number, float size, float top, String... lines) {
        List<PageText.Fragment> words = new ArrayList<>();
        float baseline = top;
        for (String line : lines) {
            float x = 72;
            for (String word : line.split(" ")) {
                float width = word.length() * size * 0.5f;
                words.add(new PageText.Fragment(word, x, baseline, width, size, PageText.PLAIN));
                x += width + size * 0.3f;
            }
            baseline += size * 1.2f;
        }
        return new PageText(number, 612, 792, words);
    }

    @Test
    void ocrWordsBecomeTitleAndParagraphsMarkedAsOcr() {
        PageText first = page(1, 10, 150, "The river in the compact runs between four states and two of them", "share its water by a rule that",
                "the parties wrote down long ago.");
        List<PageText> pages = List.of(new PageText(1, 612, 792, concat(page(1, 20, 100, "A Compact on Water").fragments(),
                first.fragments())));
        ParsedArticle article = PdfArticleReader.readPages(pages, new ReadBudget(PdfArticleReaderTest.GENEROUS));
        assertTrue(article.ocr());
        assertEquals("A Compact on Water", article.title());
        assertEquals("The river in the compact runs between four states and two of them share its water by a rule that the "
                + "parties wrote down long ago.", article.paragraphs().get(0).text());
    }

    private static List<PageText.Fragment> concat(List<PageText.Fragment> a, List<PageText.Fragment> b) {
        List<PageText.Fragment> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
