package org.seminar.annotator.document.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What kind of block a body line belongs to before paragraphs are made: a table's row (cells side by side on one
 * baseline), a caption ("Figure 2.", "Table 1"), text inside a figure (small labels), code (fixed-width lines in a
 * document whose text is not) or running text.
 */
final class BlockKinds {

    /** Cells of one table row share a baseline within this share of their size. */
    static final float SAME_ROW = 0.3f;
    /** Lines narrower than this share of the page can be cells of one row across columns. */
    static final float CELL_WIDTH = 0.25f;
    /** Cells of a row found in different columns are at most this many sizes apart. */
    static final float CELL_GAP = 5f;
    /** A line set at most this share of the body size is small type: a caption, a figure's labels, a table. */
    static final float SMALL = 0.95f;
    /** Small lines at least this share of their column wide, most of a run, read as prose (a block quote, a note). */
    static final float PROSE_WIDTH = 0.7f;

    private static final Pattern CAPTION = Pattern.compile("(?i)^(?:fig(?:ure)?s?|table|tab|scheme|chart|plate|box|panel|listing|algorithm)"
            + "\\.?\\s*[A-Z]?\\d+[A-Za-z]?(?:\\s|[.:|—–-]|$)");
    private static final Pattern TABLE_CAPTION = Pattern.compile("(?i)^tab(?:le)?\\.?\\s*[A-Z]?\\d+");
    private static final Pattern CODE_CAPTION = Pattern.compile("(?i)^(?:listing|algorithm)\\.?\\s*\\d+");

    private BlockKinds() {
    }

    /** Whether a line opens a caption: a figure, table or listing label and its number. */
    static boolean isCaptionStart(String text) {
        return CAPTION.matcher(text.strip()).lookingAt();
    }

    /** The kind a caption's label announces. */
    static ParsedArticle.BlockKind captionKind(String text) {
        String t = text.strip();
        return TABLE_CAPTION.matcher(t).lookingAt() ? ParsedArticle.BlockKind.TABLE
                : CODE_CAPTION.matcher(t).lookingAt() ? ParsedArticle.BlockKind.CODE : ParsedArticle.BlockKind.FIGURE;
    }

    /**
     * Counts, for each line, the other lines of its page on its baseline in its column, or anywhere when both are
     * narrow (a table's cells found to be columns of their own): the cells of a table row.
     */
    static void countCells(List<Line> page, float pageWidth) {
        for (Line l : page) {
            l.rowCells = 0;
        }
        for (int i = 0; i < page.size(); i++) {
            Line a = page.get(i);
            for (int j = i + 1; j < page.size(); j++) {
                Line b = page.get(j);
                float gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
                boolean together = a.column == b.column || a.width() < CELL_WIDTH * pageWidth && b.width() < CELL_WIDTH * pageWidth
                        && gap < CELL_GAP * Math.max(a.size, b.size);
                if (a.zone == b.zone && together && Math.abs(a.baseline - b.baseline) <= SAME_ROW * Math.max(a.size, b.size)) {
                    a.rowCells++;
                    b.rowCells++;
                }
            }
        }
    }

    /** Whether the document's running text is set in a fixed-width font (then fixed width does not mark code). */
    static boolean monospacedText(List<Line> lines, float body) {
        long all = 0;
        long mono = 0;
        for (Line l : lines) {
            if (Math.abs(l.size - body) < 0.5f) {
                all += l.text.length();
                if (l.all(Line.MONOSPACE)) {
                    mono += l.text.length();
                }
            }
        }
        return mono * 2 > all;
    }
}
