package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;

/** Text being assembled from lines, with a style per character; written out as the markup {@link InlineText#parse} reads. */
final class Styled {

    final StringBuilder text = new StringBuilder();
    final List<Integer> styles = new ArrayList<>();

    void append(String s, int[] st, int from) {
        text.append(s, from, s.length());
        for (int i = from; i < s.length(); i++) {
            styles.add(st[i]);
        }
    }

    void appendSpace() {
        int before = styles.isEmpty() ? 0 : styles.get(styles.size() - 1);
        text.append(' ');
        styles.add(before & (Line.BOLD | Line.ITALIC));
    }

    void dropLast() {
        text.setLength(text.length() - 1);
        styles.remove(styles.size() - 1);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text, whitespace collapsed. */
    String plain() {
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * The text with {@code **strong**}, {@code *em*} and superscript footnote markers; styles in {@code dropStyle} are
     * not marked (the style of the whole block; {@link Line#SUP} to keep raised digits as digits).
     */
    String markup(int dropStyle) {
        StringBuilder out = new StringBuilder();
        String s = text.toString();
        int i = 0;
        while (i < s.length()) {
            int style = styles.get(i) & ~dropStyle;
            if ((style & Line.SUP) != 0) {
                char c = s.charAt(i);
                out.append(Character.isDigit(c) ? "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0') : c);
                i++;
                continue;
            }
            int wrap = wrapOf(style);
            int j = i;
            while (j < s.length() && (styles.get(j) & ~dropStyle & Line.SUP) == 0 && wrapOf(styles.get(j) & ~dropStyle) == wrap) {
                j++;
            }
            String run = s.substring(i, j);
            if (wrap == 0 || run.isBlank()) {
                out.append(run);
            } else {
                String mark = wrap == Line.BOLD ? "**" : "*";
                String core = run.strip();
                int lead = run.indexOf(run.strip());
                out.append(run, 0, lead).append(mark).append(core).append(mark).append(run.substring(lead + core.length()));
            }
            i = j;
        }
        return out.toString().replace("\u00AD", "").replace('\u00A0', ' ').replaceAll("[ \\t]+", " ").strip();
    }

    private static int wrapOf(int style) {
        return (style & Line.BOLD) != 0 ? Line.BOLD : (style & Line.ITALIC) != 0 ? Line.ITALIC : 0;
    }

    /** The style every letter shares (so it is not marked as emphasis inside the block). */
    int common() {
        int common = Line.BOLD | Line.ITALIC;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                common &= styles.get(i);
            }
        }
        return common;
    }

    /** The markup of the whole, its common style unmarked, read into inline text; {@code markers}: raised digits become refs. */
    InlineText inline(boolean markers) {
        return InlineText.parse(markup(common() | (markers ? 0 : Line.SUP)), markers);
    }
}
