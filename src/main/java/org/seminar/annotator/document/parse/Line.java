package org.seminar.annotator.document.parse;

/**
 * One printed line (or one cell of a table row) as {@link LineBuilder} assembled it from fragments: its text with a
 * style per character, where it stands, and what the later stages decided about it (zone, column).
 */
final class Line {

    /** Character styles: {@link PageText}'s, plus {@link #SUP} for raised small characters (footnote markers). */
    static final int BOLD = PageText.BOLD;
    static final int ITALIC = PageText.ITALIC;
    static final int SUP = 4;
    static final int SMALL_CAPS = PageText.SMALL_CAPS;
    static final int MONOSPACE = PageText.MONOSPACE;

    /** Where on its page a line was found to belong. */
    enum Zone { BODY, HEAD, FOOTNOTE, TITLE, DROPPED }

    final int page;
    final String text;
    /** The style of each of {@link #text}'s characters. */
    final int[] styles;
    final float baseline;
    /** The size most of its characters are set in. */
    final float size;
    final float x0;
    final float x1;
    Zone zone = Zone.BODY;
    /** The column it stands in, from 0; -1 when it spans columns. */
    int column;
    /** How many other lines share its baseline in its column (the cells of a table row). */
    int rowCells;

    Line(int page, String text, int[] styles, float baseline, float size, float x0, float x1) {
        this.page = page;
        this.text = text;
        this.styles = styles;
        this.baseline = baseline;
        this.size = size;
        this.x0 = x0;
        this.x1 = x1;
    }

    /** Whether every letter or digit (markers aside) has {@code style}. */
    boolean all(int style) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && (styles[i] & SUP) == 0) {
                if ((styles[i] & style) == 0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The text without raised markers, trimmed. */
    String plain() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if ((styles[i] & SUP) == 0) {
                b.append(text.charAt(i));
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    float width() {
        return x1 - x0;
    }

    @Override
    public String toString() {
        return "p" + page + " y" + Math.round(baseline) + " x" + Math.round(x0) + "-" + Math.round(x1) + " s" + size + " " + zone
                + " c" + column + " «" + text + "»";
    }
}
