package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fourth stage's second half: body lines in reading order become blocks. Headings come from {@link HeadingRule};
 * captions, tables (rows of cells), figure labels (small lines that are not prose) and code (fixed-width lines) become
 * blocks of their own kind. Running text makes paragraphs: a paragraph starts at a first-line indent, after a gap
 * wider than the document's leading, or after a short line that ends a sentence; a page or column break does not end
 * one, and neither do the tables, figures and captions set between its lines (they follow it). Every tolerance is a
 * share of the font size or of the column's width.
 */
final class BlockBuilder {

    /** A first line indented by more than this many sizes starts a paragraph ... */
    static final float INDENT = 0.6f;
    /** ... unless it is indented this much (a centred or displayed line). */
    static final float MAX_INDENT = 8f;
    /** A gap this many sizes wider than the document's leading starts a paragraph. */
    static final float WIDER_GAP = 0.45f;
    /** A line ending a sentence this share of its column short of the column's edge ends its paragraph. */
    static final float SHORT_LINE = 0.12f;
    /** Lines of one caption, figure or heading are at most this many sizes apart. */
    static final float RUN_LEADING = 1.8f;
    /** Small text of this many words ending a sentence is prose, not a figure's label. */
    static final int SENTENCE_WORDS = 8;
    /** Sizes closer than this (points) are one style. */
    static final float SAME_SIZE = 0.3f;

    private final List<Line> lines;
    private final float body;
    private final float leading;
    private final LineJoiner joiner;
    private final ReadBudget budget;
    private final boolean monoText;
    private final Map<Integer, float[]> columnEdges = new HashMap<>();
    private final PullQuotes pullQuotes;

    BlockBuilder(List<Line> lines, float body, LineJoiner joiner, ReadBudget budget) {
        this.lines = lines;
        this.body = body;
        this.joiner = joiner;
        this.budget = budget;
        this.monoText = BlockKinds.monospacedText(lines, body);
        this.pullQuotes = new PullQuotes(lines, body);
        Map<Float, Integer> gaps = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (Math.abs(l.size - body) <= SAME_SIZE && l.rowCells == 0) {
                columnEdges.merge(key(l), new float[] {l.x0, l.x1}, (a, b) -> new float[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                if (i > 0 && sameColumn(lines.get(i - 1), l) && Math.abs(lines.get(i - 1).size - body) <= SAME_SIZE) {
                    gaps.merge(Math.round((l.baseline - lines.get(i - 1).baseline) * 2) / 2f, 1, Integer::sum);
                }
            }
        }
        this.leading = gaps.entrySet().stream().filter(e -> e.getKey() > 0).max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(body * 1.2f);
    }

    private static int key(Line l) {
        return l.page * 1000 + l.column;
    }

    private static boolean sameColumn(Line a, Line b) {
        return a.page == b.page && a.column == b.column;
    }

    private float[] edges(Line l) {
        float[] e = columnEdges.get(key(l));
        return e == null ? new float[] {l.x0, l.x1} : e;
    }

    /** The body's blocks in reading order; pull quotes (set apart, repeating the text) are added to {@code dropped}. */
    List<Block> blocks(List<ParsedArticle.Dropped> dropped) {
        List<Block> blocks = new ArrayList<>();
        List<Block> heldBack = new ArrayList<>();
        Block paragraph = null;
        Line previous = null;
        boolean interrupted = false;
        int i = 0;
        while (i < lines.size()) {
            budget.check();
            Line l = lines.get(i);
            int end = runEnd(i);
            List<Line> run = lines.subList(i, end);
            Line next = end < lines.size() ? lines.get(end) : null;
            float[] e = edges(l);
            Block special = special(i, false);
            if (special != null) {
                if (paragraph != null) {
                    heldBack.add(special);
                    interrupted = true;
                } else {
                    blocks.add(special);
                }
                i += special.lines.size();
                continue;
            }
            Line above = i > 0 ? lines.get(i - 1) : null;
            boolean gapAbove = above == null || !sameColumn(above, l) || l.baseline - above.baseline > leading + WIDER_GAP * l.size;
            if (setApart(l) && pullQuotes.repeatsBody(run)) {
                run.forEach(r -> dropped.add(new ParsedArticle.Dropped(ParsedArticle.DropReason.PULL_QUOTE, r.page, r.plain())));
                interrupted = true;
                i = end;
                continue;
            }
            // the run may be a heading's lines and the text after it set alike: its shortest heading-like start counts
            int k = 1;
            while (k < run.size() && !HeadingRule.isHeading(run.subList(0, k), body, e[0], e[1], lines.get(i + k), gapAbove)) {
                k++;
            }
            if (k < run.size()) {
                end = i + k;
                run = lines.subList(i, end);
                next = lines.get(end);
            }
            if (HeadingRule.isHeading(run, body, e[0], e[1], next, gapAbove)) {
                flush(blocks, paragraph, heldBack);
                paragraph = null;
                Block heading = Block.heading(l.page);
                run.forEach(r -> joiner.append(heading.text, r));
                heading.lines.addAll(run);
                blocks.add(heading);
                previous = null;
                i = end;
                continue;
            }
            Block labels = special(i, true);
            if (labels != null) {
                if (paragraph != null) {
                    heldBack.add(labels);
                    interrupted = true;
                } else {
                    blocks.add(labels);
                }
                i += labels.lines.size();
                continue;
            }
            if (paragraph == null || startsParagraph(previous, l, i, interrupted)) {
                flush(blocks, paragraph, heldBack);
                paragraph = new Block(ParsedArticle.BlockKind.PARAGRAPH, l.page);
            }
            joiner.append(paragraph.text, l);
            paragraph.lines.add(l);
            previous = l;
            interrupted = false;
            i++;
        }
        flush(blocks, paragraph, heldBack);
        return blocks;
    }

    private static void flush(List<Block> blocks, Block paragraph, List<Block> heldBack) {
        if (paragraph != null && !paragraph.text.isEmpty()) {
            blocks.add(paragraph);
        }
        blocks.addAll(heldBack);
        heldBack.clear();
    }

    /** The end of the run of lines from {@code i} set alike (size, weight, face) and close together on one page. */
    private int runEnd(int i) {
        Line first = lines.get(i);
        int j = i + 1;
        while (j < lines.size() && j - i <= HeadingRule.MAX_LINES) {
            Line l = lines.get(j);
            Line before = lines.get(j - 1);
            if (l.page != first.page || Math.abs(l.size - first.size) > SAME_SIZE || l.all(Line.BOLD) != first.all(Line.BOLD)
                    || l.all(PageText.OTHER_FONT) != first.all(PageText.OTHER_FONT) || l.baseline - before.baseline > RUN_LEADING * l.size
                    || l.baseline <= before.baseline) {
                break;
            }
            j++;
        }
        return j;
    }

    /** Larger, smaller or inset italic text: what a pull quote looks like. */
    private boolean setApart(Line l) {
        float[] e = edges(l);
        return Math.abs(l.size - body) > SAME_SIZE * 2 || l.all(Line.ITALIC) && l.x0 > e[0] + 1.5f * l.size && l.x1 < e[1] - 1.5f * l.size;
    }

    /** A caption, table, code listing or figure's labels starting at line {@code i}, or null. */
    private Block special(int i, boolean smallType) {
        Line l = lines.get(i);
        String text = l.plain();
        boolean small = l.size < BlockKinds.SMALL * body;
        ParsedArticle.BlockKind kind = null;
        int end = i + 1;
        if (smallType) {
            if (small && (i == 0 || lines.get(i - 1).page != l.page || lines.get(i - 1).size >= BlockKinds.SMALL * body
                    || runInLabel(l))) {
                while (end < lines.size() && lines.get(end).page == l.page && lines.get(end).size < BlockKinds.SMALL * body
                        && lines.get(end).rowCells == 0 && !BlockKinds.isCaptionStart(lines.get(end).plain())
                        && !runInLabel(lines.get(end))) {
                    end++;
                }
                if (!prose(lines.subList(i, end))) {
                    kind = ParsedArticle.BlockKind.FIGURE;
                }
            }
        } else if (BlockKinds.isCaptionStart(text) && (small || text.matches("(?i)^\\p{L}+\\.?\\s*\\d+[A-Za-z]?\\s*[.:|].*")
                || (l.styles.length > 0 && (l.styles[0] & Line.BOLD) != 0))) {
            kind = BlockKinds.captionKind(text);
            while (end < lines.size() && lines.get(end).page == l.page && Math.abs(lines.get(end).size - l.size) <= SAME_SIZE
                    && lines.get(end).baseline - lines.get(end - 1).baseline <= RUN_LEADING * l.size && lines.get(end).baseline
                    > lines.get(end - 1).baseline && lines.get(end).rowCells == 0 && !BlockKinds.isCaptionStart(lines.get(end).plain())) {
                end++;
            }
        } else if (l.rowCells > 0) {
            kind = ParsedArticle.BlockKind.TABLE;
            while (end < lines.size() && lines.get(end).page == l.page && (lines.get(end).rowCells > 0
                    || lines.get(end).size < BlockKinds.SMALL * body && !BlockKinds.isCaptionStart(lines.get(end).plain()))) {
                end++;
            }
        } else if (!monoText && l.all(Line.MONOSPACE)) {
            kind = ParsedArticle.BlockKind.CODE;
            while (end < lines.size() && lines.get(end).page == l.page && lines.get(end).all(Line.MONOSPACE)) {
                end++;
            }
        }
        if (kind == null) {
            return null;
        }
        Block block = new Block(kind, l.page);
        for (Line r : lines.subList(i, end)) {
            joiner.append(block.text, r);
            block.lines.add(r);
        }
        return block;
    }

    /** Small lines that read as running text (a block quote, a small-type passage): most of them fill their column. */
    private boolean prose(List<Line> run) {
        String text = String.join(" ", run.stream().map(Line::plain).toList());
        if (text.split(" ").length >= SENTENCE_WORDS && text.matches(".*[.!?:)\"”]$")) {
            return true;
        }
        if (run.size() < 2) {
            return false;
        }
        long full = run.stream().filter(r -> {
            float[] e = edges(r);
            return r.width() >= BlockKinds.PROSE_WIDTH * (e[1] - e[0]);
        }).count();
        return full * 2 > run.size();
    }

    /** Whether the line starts with a bold label ending in a colon or full stop, text following in another weight. */
    static boolean runInLabel(Line l) {
        String t = l.text;
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < t.length() && (l.styles[i] & Line.BOLD) != 0) {
            i++;
        }
        String label = t.substring(start, i).strip();
        return i > start && i < t.length() && label.length() >= 3 && (label.endsWith(":") || label.endsWith(".")
                || i + 1 < t.length() && (t.charAt(i) == ':' || t.charAt(i) == '.')) && Character.isUpperCase(label.charAt(0));
    }

    private boolean startsParagraph(Line previous, Line l, int i, boolean interrupted) {
        if (previous == null) {
            return true;
        }
        if (Math.abs(previous.size - l.size) > 2 * SAME_SIZE) {
            return true; // set in another size
        }
        if (runInLabel(l) && !previous.all(Line.BOLD)) {
            return true; // "Keywords:", "Methods." set in bold before the text
        }
        boolean same = sameColumn(previous, l);
        float reference = same ? previous.x0 : edges(l)[0];
        Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
        boolean nextBack = next == null || !sameColumn(next, l) || next.x0 < l.x0 - INDENT * l.size / 2;
        if (l.x0 > reference + INDENT * l.size && l.x0 < reference + MAX_INDENT * l.size && nextBack) {
            return true; // a first-line indent
        }
        if (same && !interrupted && l.baseline - previous.baseline > leading + WIDER_GAP * l.size) {
            return true; // a wider gap
        }
        String end = previous.plain().replaceAll("[\"”’')\\]]+$", "");
        boolean endsSentence = !end.isEmpty() && ".!?:".indexOf(end.charAt(end.length() - 1)) >= 0;
        float[] pe = edges(previous);
        return endsSentence && previous.x1 < pe[1] - SHORT_LINE * (pe[1] - pe[0]);
    }
}
