package org.seminar.annotator.document.parse;

import java.util.List;

/**
 * One page's text as positioned fragments: the input of the layout pipeline ({@link PdfArticleReader#readPages}).
 * A PDF's text layer gives one fragment per glyph with its font's size and style; OCR gives one per recognised word,
 * with a size estimated from the word's box and no style ({@link #PLAIN}). Everything after this stage (lines, page
 * zones, blocks, the article) works on fragments only, so both sources are read by the same rules.
 *
 * <p>Coordinates are PDF points (1/72 inch) from the page's top-left corner, y growing downwards: {@code x} is a
 * fragment's left edge, {@code baseline} the line its letters stand on (for an OCR box: its bottom edge less any
 * descender, or simply its bottom), {@code width} its advance. Fragments come in the order the page shows them (a
 * PDF's content order; an OCR engine's reading order); blank fragments ({@code " "}) are word breaks the source
 * printed.
 *
 * @param number the page's number in the file, from 1
 * @param width the page's width in points
 * @param height the page's height in points
 * @param fragments the page's text
 * @param rules horizontal lines the page draws (a footnote separator, table rules); empty when unknown (OCR)
 */
public record PageText(int number, float width, float height, List<Fragment> fragments, List<Rule> rules) {

    /** No style known (OCR) or roman type. */
    public static final int PLAIN = 0;
    public static final int BOLD = 1;
    public static final int ITALIC = 2;
    /** Set in a small-caps font (lower-case letters drawn as small capitals). */
    public static final int SMALL_CAPS = 8;
    /** Set in a fixed-width font (code). */
    public static final int MONOSPACE = 16;
    /** Set in another font than most of the document's text (a heading's face when its weight is not named). */
    public static final int OTHER_FONT = 32;

    public PageText {
        fragments = List.copyOf(fragments);
        rules = List.copyOf(rules);
    }

    /** A page whose drawn lines are not known (OCR). */
    public PageText(int number, float width, float height, List<Fragment> fragments) {
        this(number, width, height, fragments, List.of());
    }

    /** A horizontal line drawn from {@code x0} to {@code x1} at {@code y} (points from the page's top). */
    public record Rule(float x0, float x1, float y) {
    }

    /**
     * A glyph or a word where the page prints it.
     *
     * @param text its characters (ligatures already spelled out)
     * @param x left edge, points from the page's left
     * @param baseline baseline, points from the page's top
     * @param width advance width in points
     * @param size font size in points (for OCR: estimated from the box height)
     * @param style {@link #BOLD}, {@link #ITALIC}, {@link #SMALL_CAPS}, {@link #MONOSPACE} or'ed together; {@link #PLAIN} when none or unknown
     */
    public record Fragment(String text, float x, float baseline, float width, float size, int style) {

        public boolean bold() {
            return (style & BOLD) != 0;
        }

        public boolean italic() {
            return (style & ITALIC) != 0;
        }

        public float end() {
            return x + width;
        }
    }
}
