package org.seminar.annotator.document.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a short run of lines is a section heading. The words must read as a heading (short, not a sentence broken
 * off, no footnote marker); the setting must set it apart from the running text: a larger size, bold, small capitals
 * or another face than the text's; or a section number ("3", "3.1", "IV.") before it; or, for the bare numerals and
 * letters of legal opinions ("II", "A"), a line of its own centred in its column.
 */
final class HeadingRule {

    /** A heading has at most this many characters ... */
    static final int MAX_CHARS = 120;
    /** ... and words ... */
    static final int MAX_WORDS = 16;
    /** ... and lines. */
    static final int MAX_LINES = 3;
    /** Larger by this share of the body size sets a heading apart. */
    static final float LARGER = 1.08f;
    /** Smaller than this share of the body size is a caption or note, not a heading. */
    static final float SMALLEST = 0.85f;
    /** A line reaching this share of its column's width from the right edge is full. */
    static final float FULL_LINE = 0.1f;
    /** A centred line's margins differ by at most this many body sizes. */
    static final float CENTRED = 1.5f;
    /** A centred heading leaves at least this share of its column empty. */
    static final float CENTRED_SHORT = 0.5f;

    private static final Pattern NUMBERED = Pattern.compile("^(?:\\d{1,2}(?:\\.\\d{1,2}){0,3}\\.?|[IVX]{1,5}\\.|[A-H]\\.)\\s+\\p{L}.*");
    private static final Pattern BARE_NUMERAL = Pattern.compile("^(?:[IVX]{1,5}|[A-Z]|\\d{1,2})\\.?$");
    /** Words a phrase is not finished on: a line ending in one is a sentence broken off. */
    private static final Set<String> OPEN_ENDINGS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and",
            "or", "but", "from", "as", "that", "which", "is", "are", "was", "were", "be", "its", "their", "this", "these", "than");

    private HeadingRule() {
    }

    /**
     * Whether {@code run} (lines set alike, in reading order) is a heading; {@code columnLeft}/{@code columnRight} are
     * the edges of its column's text, {@code next} the line after it (or null).
     */
    static boolean isHeading(List<Line> run, float body, float columnLeft, float columnRight, Line next, boolean gapAbove) {
        if (run.isEmpty() || run.size() > MAX_LINES) {
            return false;
        }
        Line first = run.get(0);
        String text = String.join(" ", run.stream().map(Line::plain).toList()).strip();
        if (first.size < SMALLEST * body || !readsAsHeading(text)) {
            return false;
        }
        if (run.stream().anyMatch(l -> l.rowCells > 0)) {
            return false; // a table's cell
        }
        Line last = run.get(run.size() - 1);
        String after = next == null ? "" : next.plain();
        if (BlockBuilder.runInLabel(first) || last.x1 >= columnRight - FULL_LINE * (columnRight - columnLeft) && !after.isEmpty()
                && Character.isLowerCase(after.charAt(0))) {
            return false; // a run-in label, or a full line whose sentence goes on
        }
        boolean larger = first.size >= LARGER * body;
        boolean bold = run.stream().allMatch(l -> l.all(Line.BOLD));
        boolean smallCaps = run.stream().allMatch(l -> l.all(Line.SMALL_CAPS));
        boolean otherFace = run.stream().allMatch(l -> l.all(PageText.OTHER_FONT)) && !run.stream().allMatch(l -> l.all(Line.ITALIC));
        boolean numbered = NUMBERED.matcher(text).matches() && !text.matches(".*[.:;,]$");
        boolean alone = next == null || next.page != first.page || next.baseline - run.get(run.size() - 1).baseline > 0.9f * first.size
                && (next.x0 <= first.x0 + body * 3 || next.column != first.column);
        if (BARE_NUMERAL.matcher(text).matches()) {
            return run.size() == 1 && centred(first, body, columnLeft, columnRight) && alone;
        }
        if (!alone) {
            return false;
        }
        boolean italic = run.stream().allMatch(l -> l.all(Line.ITALIC));
        boolean otherSize = Math.abs(first.size - body) > BlockBuilder.SAME_SIZE;
        // a short line of its own after a wider gap, set in italic or another size than the text
        boolean spaced = gapAbove && run.size() <= 2 && (italic || otherSize) && !text.matches(".*[.:;,]$")
                && first.x1 < columnRight - (columnRight - columnLeft) * 0.2f;
        boolean setApart = larger || bold || smallCaps || otherFace || spaced;
        if (setApart && !text.endsWith(".") || setApart && numbered) {
            return true;
        }
        if (numbered && run.size() == 1 && first.x1 < columnRight - (columnRight - columnLeft) * 0.2f) {
            return true; // a numbered line of its own, stopping well short of the column's edge
        }
        String letters = text.replaceAll("[^\\p{L}]", "");
        return run.size() <= 2 && letters.length() >= 4 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT))
                && centred(first, body, columnLeft, columnRight);
    }

    private static boolean centred(Line l, float body, float left, float right) {
        float before = l.x0 - left;
        float after = right - l.x1;
        return Math.abs(before - after) <= CENTRED * body && l.width() <= (1 - CENTRED_SHORT) * (right - left) + body;
    }

    /** Short, starting with a capital or a section number, not ending mid-phrase, no footnote marker or address. */
    static boolean readsAsHeading(String text) {
        if (text.isEmpty() || text.length() > MAX_CHARS || text.split("\\s+").length > MAX_WORDS) {
            return false;
        }
        int c = text.codePointAt(0);
        if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
            return false;
        }
        if (text.contains("http") || text.contains("@") || text.contains("www.")) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        String lastWord = text.substring(text.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
        return ",;-–—(".indexOf(last) < 0 && !OPEN_ENDINGS.contains(lastWord) && !text.matches("^\\d+\\s*$")
                && !text.matches("^\\d[\\d\\s.,%±()–-]*$");
    }
}
