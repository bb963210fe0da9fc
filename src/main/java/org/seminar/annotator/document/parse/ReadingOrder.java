package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Part of the fourth stage: a page's lines in reading order. The page's columns are found from its text, not assumed:
 * a gutter is a vertical strip at least {@link #GUTTER} body sizes wide that almost no line crosses. Lines within one
 * column are read top to bottom, column after column; a line that crosses a gutter (a title, a wide figure or table)
 * ends the columns above it, which are read before it.
 */
final class ReadingOrder {

    /** A gutter is at least this many body sizes wide. */
    static final float GUTTER = 0.8f;
    /** At most this share of the page's narrow lines may cross a gutter (a stray label, an overlong line). */
    static final float CROSSING = 0.05f;
    /** A line narrower than this share of the page's text width can stand in a column ... */
    static final float NARROW = 0.6f;
    /** ... and columns are looked for when at least this share of the page's lines are narrow. */
    static final float NARROW_SHARE = 0.5f;
    /** A line may reach this many body sizes into a gutter and still belong to its column. */
    static final float SLACK = 0.5f;
    /** Columns are looked for only on pages with at least this many lines. */
    static final int MIN_LINES = 8;

    private ReadingOrder() {
    }

    /** Sets each line's column and returns the page's lines in reading order. */
    static List<Line> order(List<Line> page, float body) {
        List<float[]> columns = columns(page, body);
        for (Line l : page) {
            l.column = -1;
            for (int c = 0; c < columns.size(); c++) {
                float[] col = columns.get(c);
                if (l.x0 >= col[0] - SLACK * body && l.x1 <= col[1] + SLACK * body) {
                    l.column = c;
                }
            }
            if (columns.size() == 1) {
                l.column = 0;
            }
        }
        List<Line> byHeight = new ArrayList<>(page);
        byHeight.sort(Comparator.comparingDouble((Line l) -> l.baseline).thenComparingDouble(l -> l.x0));
        List<Line> ordered = new ArrayList<>();
        List<List<Line>> pending = new ArrayList<>();
        columns.forEach(c -> pending.add(new ArrayList<>()));
        for (Line l : byHeight) {
            if (l.column < 0) {
                pending.forEach(ordered::addAll);
                pending.forEach(List::clear);
                ordered.add(l);
            } else {
                pending.get(l.column).add(l);
            }
        }
        pending.forEach(ordered::addAll);
        return ordered;
    }

    /** The page's columns as [left, right] from left to right; one column when no gutter shows. */
    static List<float[]> columns(List<Line> page, float body) {
        float left = (float) page.stream().mapToDouble(l -> l.x0).min().orElse(0);
        float right = (float) page.stream().mapToDouble(l -> l.x1).max().orElse(0);
        List<float[]> columns = new ArrayList<>();
        List<Line> narrow = page.stream().filter(l -> l.width() < NARROW * (right - left)).toList();
        if (page.size() < MIN_LINES || right <= left || narrow.size() < NARROW_SHARE * page.size()) {
            columns.add(new float[] {left, right});
            return columns;
        }
        int width = (int) Math.ceil(right - left) + 1;
        int[] crossing = new int[width];
        int[] starts = new int[width];
        for (Line l : narrow) {
            for (int x = (int) (l.x0 - left); x < Math.min(width, (int) (l.x1 - left)); x++) {
                crossing[Math.max(0, x)]++;
            }
            starts[Math.max(0, Math.min(width - 1, (int) (l.x0 - left)))]++;
        }
        int allowed = Math.max(1, Math.round(CROSSING * narrow.size()));
        float from = left;
        int x = 0;
        while (x < width) {
            if (crossing[x] <= allowed) {
                int y = x;
                while (y < width && crossing[y] <= allowed) {
                    y++;
                }
                // a gutter has text on both sides, and enough lines start right of it to make a column
                boolean inside = x > 0 && y < width;
                int startingRight = 0;
                for (int k = y; k < Math.min(width, y + Math.round(2 * body)); k++) {
                    startingRight += starts[k];
                }
                if (inside && y - x >= GUTTER * body && startingRight >= MIN_LINES / 2) {
                    columns.add(new float[] {from, left + x});
                    from = left + y;
                }
                x = y;
            } else {
                x++;
            }
        }
        columns.add(new float[] {from, right});
        return columns;
    }
}
