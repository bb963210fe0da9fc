package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Labels set apart from the line they belong to, on its baseline: a paragraph number in the margin ("¶ 12", "§ 3")
 * and a heading's enumerator spaced off its title ("II.      Analysis"). Without this they would be lines of their own
 * beside the text, which reads as the cells of a table row. The label joins its line; a paragraph number keeps the
 * line where its text starts (the number stands in the margin, outside the column), an enumerator is part of the
 * heading and the line starts with it. Every tolerance is a share of the font size.
 */
final class LineLabels {

    /** A paragraph number: the section or paragraph sign and a number. */
    private static final Pattern PARAGRAPH_NUMBER = Pattern.compile("[¶§]\\s*\\d+[a-z]?\\.?");
    /** A heading's enumerator: a roman numeral, a capital letter or a dotted number, closed by a full stop. */
    private static final Pattern ENUMERATOR = Pattern.compile("(?:[IVXLC]+|[A-Z]|\\d+(?:\\.\\d+)*)\\.");
    /** A paragraph number stands at most this many sizes left of its line's text ... */
    static final float NUMBER_GAP = 8f;
    /** ... an enumerator at most this many. */
    static final float ENUMERATOR_GAP = 3f;
    /** A label's baseline is within this share of the line's size of the line's. */
    static final float SAME_BASELINE = 0.25f;

    private LineLabels() {
    }

    /** The page's lines with every label joined to the line it stands before. */
    static List<Line> join(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            Line label = out.get(i);
            String t = label.plain();
            boolean number = PARAGRAPH_NUMBER.matcher(t).matches();
            if (!number && !ENUMERATOR.matcher(t).matches()) {
                continue;
            }
            Line text = null;
            for (Line l : out) {
                float size = Math.max(l.size, label.size);
                float gap = l.x0 - label.x1;
                if (l != label && gap > 0 && gap < (number ? NUMBER_GAP : ENUMERATOR_GAP) * size
                        && Math.abs(l.baseline - label.baseline) <= SAME_BASELINE * size && (text == null || l.x0 < text.x0)) {
                    text = l;
                }
            }
            if (text == null || ENUMERATOR.matcher(text.plain()).matches() || PARAGRAPH_NUMBER.matcher(text.plain()).matches()) {
                continue;
            }
            int[] styles = new int[label.text.length() + 1 + text.text.length()];
            System.arraycopy(label.styles, 0, styles, 0, label.text.length());
            System.arraycopy(text.styles, 0, styles, label.text.length() + 1, text.text.length());
            if (label.styles.length > 0 && text.styles.length > 0) {
                styles[label.text.length()] = label.styles[label.styles.length - 1] & text.styles[0] & (Line.BOLD | Line.ITALIC);
            }
            Line joined = new Line(text.page, label.text + " " + text.text, styles, text.baseline, text.size, number ? text.x0 : label.x0,
                    text.x1);
            out.set(out.indexOf(text), joined);
            out.remove(i);
            i--;
        }
        return out;
    }
}
