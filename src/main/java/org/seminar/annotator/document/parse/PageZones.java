package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The third stage: each line is put in its page's zone. The first and last lines of a page (by baseline, wherever the
 * margins put them) hold running heads, folios and stamps: a line there goes when it repeats on other pages at about the same height (digits aside), or when it has the form of
 * page furniture even if printed once ("Page 3 of 15", "2 / 14", a DOI, licence or download line, a bare number).
 * The footnote area is the foot of the page below a short rule or set smaller than the body text and below all of a
 * column's body text. Lines that go are kept as {@link ParsedArticle.Dropped}.
 */
final class PageZones {

    /** Lines on this many distinct baselines at a page's top and bottom go when they repeat on other pages ... */
    static final int EDGE_LINES = 3;
    /** ... and on this many when they have the form of furniture (a folio, a DOI or licence line). */
    static final int OUTERMOST = 2;
    /** Heights closer than this many body sizes count as the same place on the page for repeated furniture. */
    static final float SAME_PLACE = 1.2f;
    /** A line set at most this share of the body size is small type (notes, captions). */
    static final float SMALL = 0.95f;
    /** A rule shorter than this share of the page's width can be a footnote separator. */
    static final float SEPARATOR_WIDTH = 0.5f;
    /** Furniture stands apart from the text: the next line inwards is more than this many sizes away. */
    static final float APART = 1.5f;
    /** Lines of one caption are at most this many sizes apart. */
    static final float CAPTION_LEADING = 1.6f;
    /** A repeating head must appear on at least this many pages ... */
    static final int REPEATS = 2;
    /** ... and, when it repeats only with other numbers in it ("Page 3", "Part 13"), on this share of the pages. */
    static final float NUMBERED_REPEATS = 0.25f;

    private static final Pattern FOLIO = Pattern.compile("(?i)^(?:page\\s*)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?$|^[ivxlc]{1,5}$"
            + "|^(?:page\\s*)?\\d{1,4}\\s*(?:/|of)\\s*\\d{1,4}$");
    private static final Pattern FURNITURE = Pattern.compile("(?i)(?:\\bdoi\\s*[:.]?\\s*10\\.\\d{3,}|doi\\.org/|\\bdownloaded from\\b"
            + "|creative\\s*commons|©|\\(c\\)\\s*\\d{4}|all rights reserved|\\bcite as\\b|how to cite this"
            + "|\\bpage\\s*\\d+\\s*of\\s*\\d+|^case:.*document:|\\bvol(?:ume)?\\.?\\s*\\d+.*\\d|\\bissn\\b)");
    /** A line of dashes or underscores: a footnote separator set as text. */
    private static final Pattern TEXT_RULE = Pattern.compile("^[\\s_—–\\-‒―]{4,}$");

    private PageZones() {
    }

    /** The size most characters are set in. */
    static float bodySize(List<Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (Line l : lines) {
            chars.merge(Math.round(l.size * 2) / 2f, l.text.length(), Integer::sum);
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** Sets every line's zone; lines dropped as furniture are added to {@code dropped}. */
    static void mark(List<PageText> pages, List<List<Line>> lines, float body, List<ParsedArticle.Dropped> dropped) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        List<Map<Line, Integer>> edges = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Map<Line, Integer> edge = edgeLines(lines.get(p));
            edges.add(edge);
            for (Line l : edge.keySet()) {
                pagesByKey.computeIfAbsent(key(l, body, false), k -> new HashSet<>()).add(l.page);
                for (String k : numberedKeys(l, body)) {
                    pagesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(l.page);
                }
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            for (Map.Entry<Line, Integer> e : edges.get(p).entrySet()) {
                Line l = e.getKey();
                String text = l.text.strip();
                boolean outer = e.getValue() < OUTERMOST || e.getValue() >= OUTERMOST + EDGE_LINES
                        && e.getValue() < 2 * OUTERMOST + EDGE_LINES;
                boolean apart = e.getValue() < EDGE_LINES;
                boolean folio = outer && apart && FOLIO.matcher(text).matches();
                boolean repeats = apart && pagesByKey.get(key(l, body, false)).size() >= REPEATS || numberedKeys(l, body).stream()
                        .anyMatch(k -> pagesByKey.get(k).size() >= Math.max(REPEATS, NUMBERED_REPEATS * pages.size()));
                if (folio || repeats || (outer || apart) && FURNITURE.matcher(text).find()) {
                    l.zone = Line.Zone.HEAD;
                    dropped.add(new ParsedArticle.Dropped(folio ? ParsedArticle.DropReason.PAGE_NUMBER
                            : ParsedArticle.DropReason.RUNNING_HEAD, l.page, text));
                }
            }
            footnoteArea(pages.get(p), lines.get(p), body, dropped);
        }
    }

    /** The lines of the head and foot of the page, at most {@link #EDGE_LINES} baselines from each edge, with that rank. */
    private static Map<Line, Integer> edgeLines(List<Line> lines) {
        List<Float> heights = lines.stream().map(l -> l.baseline).distinct().sorted().toList();
        Map<Float, Integer> rank = new HashMap<>();
        for (int i = 0; i < Math.min(EDGE_LINES, heights.size()); i++) {
            rank.merge(heights.get(i), i, Math::min);
            rank.merge(heights.get(heights.size() - 1 - i), i, Math::min);
        }
        Map<Line, Integer> out = new HashMap<>();
        for (Line l : lines) {
            if (rank.containsKey(l.baseline)) {
                // a line close to the text (no gap between) is the text's, unless it has the form of furniture
                int index = heights.indexOf(l.baseline);
                boolean apart = index < EDGE_LINES && standsApart(l, heights, true)
                        || index >= heights.size() - EDGE_LINES && standsApart(l, heights, false);
                out.put(l, apart ? rank.get(l.baseline) : OUTERMOST + rank.get(l.baseline) + EDGE_LINES);
            }
        }
        return out;
    }

    /**
     * Keys for a line whose numbers change from page to page as a folio does: its text with numbers masked, and how
     * far one of its numbers is from the page's number (a running head "Metabolites 2014, 4 939" on page 8 and
     * "... 940" on page 9 share one).
     */
    private static List<String> numberedKeys(Line l, float body) {
        List<String> keys = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("\\d{1,5}").matcher(l.text);
        while (m.find()) {
            keys.add(key(l, body, true) + "|" + (Integer.parseInt(m.group()) - l.page));
        }
        return keys;
    }

    /** Where the line stands and what it says, its numbers masked ({@code numbers}) or not. */
    /** Whether the next line inwards (down from the head, up from the foot) is more than {@link #APART} sizes away. */
    private static boolean standsApart(Line l, List<Float> heights, boolean head) {
        int i = heights.indexOf(l.baseline);
        // a gap somewhere between it and the text, within the edge (running heads may be stacked close together)
        for (int k = 0; k < EDGE_LINES; k++) {
            int from = head ? i + k : i - k;
            int inner = head ? from + 1 : from - 1;
            if (inner < 0 || inner >= heights.size()) {
                return true;
            }
            if (Math.abs(heights.get(inner) - heights.get(from)) > APART * l.size) {
                return true;
            }
        }
        return false;
    }

    private static String key(Line l, float body, boolean numbers) {
        String text = l.text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Math.round(l.baseline / (SAME_PLACE * body)) + "|" + numbers + "|" + (numbers ? text.replaceAll("\\d+", "#") : text);
    }

    /**
     * Marks the page's footnote area: below a short rule (drawn, or set as a line of dashes) that has only smaller
     * text below it, or, without one, small lines below all body-size text of their column.
     */
    private static void footnoteArea(PageText page, List<Line> lines, float body, List<ParsedArticle.Dropped> dropped) {
        List<Line> live = lines.stream().filter(l -> l.zone == Line.Zone.BODY).sorted(Comparator.comparingDouble(l -> l.baseline)).toList();
        if (live.isEmpty()) {
            return;
        }
        float separator = Float.NaN;
        for (Line l : live) {
            if (TEXT_RULE.matcher(l.text).matches() && l.width() < SEPARATOR_WIDTH * page.width() && l.baseline > page.height() / 3) {
                separator = l.baseline;
                l.zone = Line.Zone.DROPPED;
            }
        }
        for (PageText.Rule r : page.rules()) {
            if (Float.isNaN(separator) && r.x1() - r.x0() < SEPARATOR_WIDTH * page.width() && r.y() > page.height() / 2) {
                float y = r.y();
                List<Line> below = live.stream().filter(l -> l.baseline > y && l.zone == Line.Zone.BODY).toList();
                boolean textAbove = live.stream().anyMatch(l -> l.baseline < y && l.baseline > y - 3 * body && overlaps(l, r));
                if (!below.isEmpty() && textAbove && below.stream().allMatch(l -> l.size < SMALL * body)
                        && below.stream().anyMatch(l -> startsNote(l))) {
                    separator = y;
                }
            }
        }
        for (Line l : live) {
            if (l.zone != Line.Zone.BODY) {
                continue;
            }
            if (!Float.isNaN(separator)) {
                if (l.baseline > separator) {
                    l.zone = Line.Zone.FOOTNOTE;
                }
            } else if (l.size < SMALL * body && live.stream().noneMatch(o -> o.baseline > l.baseline && isBody(o, body) && overlaps(o, l))
                    && live.stream().anyMatch(o -> o.baseline < l.baseline && isBody(o, body) && overlaps(o, l))) {
                l.zone = Line.Zone.FOOTNOTE;
            }
        }
        // a caption at the foot of the page, under its figure, is not a note: it and the lines close below it stay
        Line previous = null;
        boolean caption = false;
        for (Line l : live) {
            if (l.zone == Line.Zone.FOOTNOTE) {
                if (BlockKinds.isCaptionStart(l.plain())) {
                    caption = true;
                } else if (previous == null || l.baseline - previous.baseline > CAPTION_LEADING * l.size) {
                    caption = false;
                }
                if (caption) {
                    l.zone = Line.Zone.BODY;
                }
                previous = l;
            }
        }
    }

    private static boolean isBody(Line l, float body) {
        return l.zone == Line.Zone.BODY && Math.abs(l.size - body) <= (1 - SMALL) * body * 2;
    }

    /** Whether a line opens a note: a number or a note symbol first. */
    static boolean startsNote(Line l) {
        String t = l.text.strip();
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || "*†‡§¶".indexOf(t.charAt(0)) >= 0);
    }

    private static boolean overlaps(Line a, Line b) {
        return a.x0 < b.x1 && b.x0 < a.x1;
    }

    private static boolean overlaps(Line a, PageText.Rule r) {
        return a.x0 < r.x1() && r.x0() < a.x1;
    }
}
