package org.seminar.annotator.document.parse.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tesseract's TSV into words and lines in PDF points. The sample is Tesseract 5.3's output for page 1 of the corpus scan
 * ({@code 22-scan-scotus-tarrant.pdf} drawn at 300 dpi in grey, {@code --psm 1}), cut to the note in small type, the
 * court's name in large capitals and the first four lines of the body's first two paragraphs.
 */
class TesseractTsvTest {

    /** Half a point: the size estimate's rounding. */
    private static final float HALF_POINT = 0.5f;

    private static String sample() throws IOException {
        try (InputStream in = TesseractTsvTest.class.getResourceAsStream("/ocr/tarrant-page1-excerpt.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(OcrPage.Line line) {
        return line.words().stream().map(OcrPage.Word::text).collect(Collectors.joining(" "));
    }

    @Test
    void wordsAreGroupedIntoLinesInReadingOrderWithBoxesInPoints() throws IOException {
        OcrPage page = TesseractTsv.parse(sample(), 1, 300, 612, 792);
        assertEquals(11, page.lines().size(), page.lines().stream().map(TesseractTsvTest::text).toList().toString());
        assertEquals("NOTE: Where it is feasible, a syllabus (headnote) will be released, as is", text(page.lines().get(0)));
        assertEquals("SUPREME COURT OF THE UNITED STATES", text(page.lines().get(2)));
        assertEquals("Petitioner Tarrant Regional Water District (Tarrant) is a Texas", text(page.lines().get(7)));
        assertEquals("The Red River Compact (or Compact) is a congressionally sanctioned", text(page.lines().get(3)));
        // "The" at 652,1444 size 64×29 pixels of 1/300 inch: ÷ 300 × 72 points
        OcrPage.Word the = page.lines().get(3).words().get(0);
        assertEquals(156.48f, the.x(), 0.01f);
        assertEquals(346.56f, the.top(), 0.01f);
        assertEquals(15.36f, the.width(), 0.01f);
        assertEquals(6.96f, the.height(), 0.01f);
        assertTrue(the.confidence() > 90, "confidence " + the.confidence());
        assertEquals(612, page.width());
        assertTrue(page.letters() > 300, page.letters() + " letters");
    }

    @Test
    void aLineSitsOnTheBottomOfItsWordsWithoutDescendersAndBodyLinesAreOneSize() throws IOException {
        List<OcrPage.Line> lines = TesseractTsv.parse(sample(), 1, 300, 612, 792).lines();
        // "The Red River Compact ...": the undescended words end at pixel 1473 (1444 + 29), i.e. 353.52 points
        assertEquals(353.52f, lines.get(3).baseline(), HALF_POINT);
        float body = lines.get(3).fontSize();
        for (OcrPage.Line line : lines.subList(3, 11)) {
            assertEquals(body, line.fontSize(), "every line of the paragraph has one size: " + text(line));
        }
        // the lines are 45 pixels apart (10.8 points): a body size near the leading, as in a text layer
        assertEquals(10.8f, lines.get(4).baseline() - lines.get(3).baseline(), HALF_POINT);
        assertTrue(body > 8.5f && body < 12.5f, "body size " + body);
        float note = lines.get(0).fontSize();
        float court = lines.get(2).fontSize();
        assertTrue(note < 0.9f * body, "the note is set smaller: " + note + " against " + body);
        assertTrue(court > 1.3f * body, "the court's name is set larger, in capitals: " + court + " against " + body);
    }

    @Test
    void aLineTheEngineIsUnsureOfIsLeftOutAndLigaturesAreSpelledOut() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                5\t1\t1\t1\t1\t1\t300\t300\t90\t30\t96.5\tThe
                5\t1\t1\t1\t1\t2\t400\t300\t120\t30\t95.0\tﬁrst
                5\t1\t1\t1\t1\t3\t530\t300\t0\t0\t-1\t
                5\t1\t2\t1\t1\t1\t300\t900\t200\t60\t12.0\t~~=
                5\t1\t2\t1\t1\t2\t520\t900\t200\t60\t31.0\tgE
                """;
        OcrPage page = TesseractTsv.parse(tsv, 3, 300, 612, 792);
        assertEquals(3, page.number());
        assertEquals(1, page.lines().size(), "the stripes read at 12 and 31 % go; the row of the empty word is not a word");
        assertEquals("The first", text(page.lines().get(0)));
    }

    @Test
    void aWordsHeightIsReadAgainstTheLettersItHas() {
        assertEquals(TesseractTsv.X_HEIGHT, TesseractTsv.extent("canon"));
        assertEquals(TesseractTsv.ASCENDER, TesseractTsv.extent("CERTIORARI"));
        assertEquals(TesseractTsv.ASCENDER + TesseractTsv.DESCENDER, TesseractTsv.extent("(headnote)"));
        assertEquals(TesseractTsv.X_HEIGHT + TesseractTsv.DESCENDER, TesseractTsv.extent("young"));
    }
}
