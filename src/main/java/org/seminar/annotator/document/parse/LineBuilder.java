package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second stage: a page's fragments become lines. Fragments on one baseline that follow each other closely make
 * one line; a gap wider than a column gutter starts another (the next column, or the next cell of a table row). A gap
 * between fragments becomes a space when the source printed one or when it is wider than {@link #WORD_GAP} of the font
 * size, so tightly set lines keep their word breaks and letters kerned apart stay one word. Raised small characters
 * are marked {@link Line#SUP} (footnote markers); capitals set smaller on the baseline are small capitals and are
 * joined to the capital before them. Every tolerance is a share of the font size.
 */
final class LineBuilder {

    /** Fragments whose baselines differ by at most this share of the larger size share a line (a marker is raised less). */
    static final float SAME_BASELINE = 0.55f;
    /** A fragment may start this far before the previous one's end (overprinting, kerning) and still continue it. */
    static final float BACKTRACK = 0.5f;
    /** A gap this wide ends the line: a column gutter or the space between table cells. */
    static final float COLUMN_GAP = 1.4f;
    /** A gap wider than this is a word break. Letter spacing stays well below it, a tight word space stays above. */
    static final float WORD_GAP = 0.13f;
    /** A raised character at most this share of the line's size is a marker ... */
    static final float SUP_SIZE = 0.82f;
    /** ... when its baseline is at least this share of the line's size above the line's. */
    static final float SUP_RAISE = 0.18f;
    /** Two lines on one baseline (within this share of their size) with a gap below {@link #MERGE_GAP} are one. */
    static final float MERGE_BASELINE = 0.25f;
    static final float MERGE_GAP = 0.7f;
    /** Sizes closer than this (points) are the same size. */
    private static final float SAME_SIZE = 0.05f;

    private LineBuilder() {
    }

    /** Fragments gathered for one line, with whether a printed space came before each. */
    private static final class Run {
        final List<PageText.Fragment> fragments = new ArrayList<>();
        final List<Boolean> spaced = new ArrayList<>();
        float baseline;
        float size;
        float end;
    }

    /** The page's lines, in the order the page shows their first fragments. */
    static List<Line> lines(PageText page) {
        List<Run> runs = new ArrayList<>();
        Run run = null;
        boolean space = false;
        for (PageText.Fragment f : page.fragments()) {
            if (f.text().isBlank()) {
                space = run != null;
                continue;
            }
            float big = run == null ? f.size() : Math.max(run.size, f.size());
            boolean same = run != null && Math.abs(f.baseline() - run.baseline) <= SAME_BASELINE * big
                    && f.x() >= run.end - BACKTRACK * big && f.x() - run.end < COLUMN_GAP * big;
            if (!same) {
                run = new Run();
                runs.add(run);
                run.baseline = f.baseline();
                run.size = f.size();
                space = false;
            }
            if (f.size() > run.size + SAME_SIZE) {
                run.size = f.size(); // the line's size and baseline are its largest glyphs' (it may start with a marker)
                run.baseline = f.baseline();
            } else if (Math.abs(f.size() - run.size) <= SAME_SIZE) {
                run.baseline = Math.max(run.baseline, f.baseline());
            }
            run.fragments.add(f);
            run.spaced.add(space);
            run.end = f.end();
            space = false;
        }
        List<Line> lines = new ArrayList<>();
        for (Run r : mergeRuns(runs)) {
            lines.add(line(page.number(), r));
        }
        return lines;
    }

    /** Pieces of one line drawn apart in the content (a marker or a number set afterwards) become one run again. */
    private static List<Run> mergeRuns(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble((Run r) -> r.baseline).thenComparingDouble(r -> r.fragments.get(0).x()));
        Map<Run, Run> into = new HashMap<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Run a = sorted.get(i);
            Run b = sorted.get(i + 1);
            float big = Math.max(a.size, b.size);
            float gap = b.fragments.get(0).x() - a.end;
            if (Math.abs(a.baseline - b.baseline) <= MERGE_BASELINE * big && gap >= -BACKTRACK * big && gap < MERGE_GAP * big) {
                a.fragments.addAll(b.fragments);
                a.spaced.addAll(b.spaced);
                a.end = b.end;
                if (b.size > a.size + SAME_SIZE) {
                    a.size = b.size;
                    a.baseline = b.baseline;
                }
                into.put(b, a);
                sorted.set(i + 1, a);
            }
        }
        return runs.stream().filter(r -> !into.containsKey(r)).toList();
    }

    private static Line line(int page, Run run) {
        StringBuilder text = new StringBuilder();
        List<Integer> styles = new ArrayList<>();
        float size = modalSize(run);
        float baseline = run.baseline;
        float end = Float.NaN;
        for (int i = 0; i < run.fragments.size(); i++) {
            PageText.Fragment f = run.fragments.get(i);
            int style = f.style();
            boolean raised = f.size() <= SUP_SIZE * size && f.baseline() < baseline - SUP_RAISE * size;
            if (raised) {
                style |= Line.SUP;
            }
            float small = Math.min(f.size(), size);
            if (i > 0 && (run.spaced.get(i) || f.x() - end > WORD_GAP * small) && !(raised && f.x() - end < WORD_GAP * size * 2
                    && isMarker(f.text()))) {
                int before = styles.get(styles.size() - 1);
                text.append(' ');
                styles.add(before & style & (Line.BOLD | Line.ITALIC | Line.MONOSPACE));
            }
            text.append(f.text());
            for (int k = 0; k < f.text().length(); k++) {
                styles.add(style);
            }
            end = f.end();
        }
        PageText.Fragment first = run.fragments.get(0);
        return new Line(page, text.toString(), styles.stream().mapToInt(Integer::intValue).toArray(), baseline, size, first.x(),
                Math.max(end, first.end()));
    }

    /** A footnote marker's characters: digits and the usual symbols. */
    static boolean isMarker(String text) {
        return text.chars().allMatch(c -> Character.isDigit(c) || "*†‡§¶,".indexOf(c) >= 0);
    }

    /** The size most of the run's characters are set in (a raised marker or a drop cap does not decide it). */
    private static float modalSize(Run run) {
        Map<Float, Integer> count = new HashMap<>();
        for (PageText.Fragment f : run.fragments) {
            count.merge(f.size(), f.text().length(), Integer::sum);
        }
        float mode = count.entrySet().stream().max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(run.size);
        return mode;
    }
}
