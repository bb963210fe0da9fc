package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stage of the layout pipeline on small synthetic pages of positioned glyphs, no PDF. */
class LayoutStagesTest {

    /** Glyphs of {@code text} from {@code x}, each {@code 0.5 * size} wide, {@code gap} points between words. */
    static List<PageText.Fragment> glyphs(String text, float x, float baseline, float size, float gap, int style) {
        List<PageText.Fragment> out = new ArrayList<>();
        for (String word : text.split(" ")) {
            for (char c : word.toCharArray()) {
                out.add(new PageText.Fragment(String.valueOf(c), x, baseline, size * 0.5f, size, style));
                x += size * 0.5f;
            }
            x += gap;
        }
        return out;
    }

    static Line line(int page, String text, float x0, float baseline, float size, int style) {
        int[] styles = new int[text.length()];
        java.util.Arrays.fill(styles, style);
        return new Line(page, text, styles, baseline, size, x0, x0 + text.length() * size * 0.5f);
    }

    // ---- lines

    @Test
    void aTightWordSpaceStillBreaksWordsAndKerningDoesNot() {
        // word spaces of 0.15 em (a tight justified line) without printed space glyphs
        List<Line> lines = LineBuilder.lines(new PageText(1, 600, 800, glyphs("tight justified line here", 72, 100, 10, 1.5f, 0)));
        assertEquals(1, lines.size());
        assertEquals("tight justified line here", lines.get(0).text);
    }

    @Test
    void aGutterSplitsLinesAndARaisedSmallDigitIsAMarker() {
        List<PageText.Fragment> f = new ArrayList<>(glyphs("left column", 72, 100, 10, 3, 0));
        f.add(new PageText.Fragment("7", 127, 96, 4, 7, 0)); // raised and small, right after "column"
        f.addAll(glyphs("right column", 320, 100, 10, 3, 0));
        List<Line> lines = LineBuilder.lines(new PageText(1, 600, 800, f));
        assertEquals(List.of("left column7", "right column"), lines.stream().map(l -> l.text).toList());
        assertTrue((lines.get(0).styles[lines.get(0).text.length() - 1] & Line.SUP) != 0);
    }

    // ---- page zones

    @Test
    void runningHeadsAndFoliosGoEvenWhenPrintedOnceAndSmallTypeBelowTheTextIsTheFootnoteArea() {
        List<PageText> pages = new ArrayList<>();
        List<List<Line>> lines = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            List<Line> page = new ArrayList<>();
            page.add(line(p, "Journal of Tests", 72, 40, 8, 0));
            for (int k = 0; k < 10; k++) {
                page.add(line(p, "Body text of the page that runs on and on " + k, 72, 100 + 13 * k, 10, 0));
            }
            if (p == 2) {
                page.add(line(p, "1 A note at the foot of the page.", 72, 700, 8, 0));
            }
            page.add(line(p, "Page " + p + " of 3", 300, 760, 8, 0));
            lines.add(page);
            pages.add(new PageText(p, 600, 800, List.of()));
        }
        List<ParsedArticle.Dropped> dropped = new ArrayList<>();
        PageZones.mark(pages, lines, 10, dropped);
        for (List<Line> page : lines) {
            assertEquals(Line.Zone.HEAD, page.get(0).zone, page.get(0).text);
            assertEquals(Line.Zone.HEAD, page.get(page.size() - 1).zone, page.get(page.size() - 1).text);
            assertEquals(Line.Zone.BODY, page.get(5).zone);
        }
        assertEquals(Line.Zone.FOOTNOTE, lines.get(1).get(11).zone);
        assertEquals(6, dropped.size(), dropped.toString());
    }

    // ---- reading order

    @Test
    void twoColumnsAreReadOneAfterTheOtherBelowASpanningTitle() {
        List<Line> page = new ArrayList<>();
        page.add(line(1, "A title spanning both columns of the page here", 72, 60, 10, 0));
        for (int k = 0; k < 6; k++) {
            page.add(line(1, "right column line " + k, 320, 100 + 12 * k, 10, 0));
            page.add(line(1, "left column line " + k, 72, 100 + 12 * k, 10, 0));
        }
        List<Line> ordered = ReadingOrder.order(page, 10);
        assertEquals("A title spanning both columns of the page here", ordered.get(0).text);
        assertEquals("left column line 0", ordered.get(1).text);
        assertEquals("left column line 5", ordered.get(6).text);
        assertEquals("right column line 0", ordered.get(7).text);
    }

    // ---- headings

    @Test
    void numberedBoldSmallCapsAndCentredNumeralHeadingsAreFoundButSentencesAreNot() {
        Line next = line(1, "The text that follows the heading", 72, 120, 10, 0);
        assertTrue(HeadingRule.isHeading(List.of(line(1, "3.1 Traces", 72, 100, 10, 0)), 10, 72, 300, next, true));
        assertTrue(HeadingRule.isHeading(List.of(line(1, "Methods", 72, 100, 10, Line.BOLD)), 10, 72, 300, next, false));
        assertTrue(HeadingRule.isHeading(List.of(line(1, "Related Work", 72, 100, 10, Line.SMALL_CAPS)), 10, 72, 300, next, false));
        assertTrue(HeadingRule.isHeading(List.of(line(1, "II", 181, 100, 10, 0)), 10, 72, 300, next, true));
        assertFalse(HeadingRule.isHeading(List.of(line(1, "The results of the", 72, 100, 10, Line.BOLD)), 10, 72, 300, next, false));
        assertFalse(HeadingRule.isHeading(List.of(line(1, "Plain words at body size", 72, 100, 10, 0)), 10, 72, 300, next, false));
    }

    // ---- front matter

    @Test
    void authorNamesLoseAffiliationDigitsAndMarks() {
        assertEquals(List.of("Barbara Laddomada", "Laura Del Coco", "Francesco P. Fanizzi"),
                FrontMatter.names("Barbara Laddomada1, Laura Del Coco2, Francesco P. Fanizzi2,*"));
        assertEquals(List.of("Arman Cohan", "Sergey Feldman", "Daniel S. Weld"), FrontMatter.names("Arman Cohan†∗ Sergey Feldman†∗ Daniel S. Weld†,‡"));
        assertEquals(List.of(), FrontMatter.names("METHODOLOGY Open Access"));
        assertEquals(List.of(), FrontMatter.names("We describe a deployed scalable system, for organizing"));
    }

    // ---- blocks and footnotes

    @Test
    void aParagraphCutByAPageBreakStaysWholeAndAFootnoteContinuesOnTheNextPage() {
        List<Line> body = List.of(line(1, "A paragraph that runs to the foot of the", 72, 700, 10, 0),
                line(2, "next page and ends there.", 72, 100, 10, 0),
                line(2, "A new paragraph starts indented.", 84, 113, 10, 0), line(2, "It goes on here.", 72, 126, 10, 0));
        body.forEach(l -> l.column = 0);
        LineJoiner joiner = new LineJoiner(body);
        List<Block> blocks = new BlockBuilder(body, 10, joiner, new ReadBudget(PdfArticleReaderTest.GENEROUS)).blocks(new ArrayList<>());
        assertEquals(List.of("A paragraph that runs to the foot of the next page and ends there.",
                "A new paragraph starts indented. It goes on here."), blocks.stream().map(Block::plain).toList());

        List<Line> notes = List.of(line(1, "1 The first note runs over", 72, 720, 8, 0), line(2, "to the next page.", 72, 720, 8, 0),
                line(2, "2 The second note.", 72, 730, 8, 0));
        FootnoteReader reader = new FootnoteReader(joiner);
        reader.read(notes, new ArrayList<>());
        assertEquals(List.of("1", "2"), reader.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        assertEquals("The first note runs over to the next page.", reader.footnotes().get(0).content().text());
    }

    @Test
    void aHyphenatedLineEndIsJoinedAndARealHyphenKept() {
        List<Line> lines = List.of(line(1, "a well-known non-", 72, 100, 10, 0), line(1, "aligned state and a hyphen-", 72, 113, 10, 0),
                line(1, "ated word", 72, 126, 10, 0));
        LineJoiner joiner = new LineJoiner(lines);
        Styled s = new Styled();
        lines.forEach(l -> joiner.append(s, l));
        assertEquals("a well-known non-aligned state and a hyphenated word", s.plain());
    }

    @Test
    void rowsOfCellsAreATableAndASmallCaptionAFigure() {
        List<Line> lines = new ArrayList<>();
        lines.add(line(1, "Some running text before the table starts here.", 72, 100, 10, 0));
        for (int r = 0; r < 3; r++) {
            lines.add(line(1, "cell" + r, 72, 120 + 10 * r, 8, 0));
            lines.add(line(1, "value" + r, 200, 120 + 10 * r, 8, 0));
        }
        lines.add(line(1, "Figure 2. A caption in small type.", 72, 170, 8, 0));
        lines.forEach(l -> l.column = 0);
        BlockKinds.countCells(lines, 600);
        List<Block> blocks = new BlockBuilder(lines, 10, new LineJoiner(lines), new ReadBudget(PdfArticleReaderTest.GENEROUS))
                .blocks(new ArrayList<>());
        assertEquals(List.of(ParsedArticle.BlockKind.PARAGRAPH, ParsedArticle.BlockKind.TABLE, ParsedArticle.BlockKind.FIGURE),
                blocks.stream().map(b -> b.kind).toList());
    }

    @Test
    void aMarginParagraphNumberAndASpacedEnumeratorJoinTheirLines() {
        Line number = line(1, "¶ 2", 29, 470, 10, 0);
        Line text = line(1, "This case follows from the repeated efforts", 108, 470.4f, 12, 0);
        Line enumerator = line(1, "II.", 250, 440, 12, 0);
        Line title = line(1, "Analysis", 276, 440, 12, 0);
        List<Line> joined = LineLabels.join(List.of(enumerator, title, number, text));
        assertEquals(List.of("II. Analysis", "¶ 2 This case follows from the repeated efforts"), joined.stream().map(l -> l.text).toList());
        assertEquals(250, joined.get(0).x0, 0.01); // the enumerator starts the heading
        assertEquals(108, joined.get(1).x0, 0.01); // the number stands in the margin, the line starts at its text
    }
}
