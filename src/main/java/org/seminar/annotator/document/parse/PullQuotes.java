package org.seminar.annotator.document.parse;

import java.util.List;

/**
 * Display text that repeats a passage of the running text (a pull quote) is not text of its own: it is found by
 * looking for its words in the body-size text of the document, hyphenation and markers aside.
 */
final class PullQuotes {

    /** A pull quote has at least this many words (shorter repeats are ordinary coincidences). */
    static final int MIN_WORDS = 6;

    private final List<Line> lines;
    private final float body;
    private String bodyText;

    PullQuotes(List<Line> lines, float body) {
        this.lines = lines;
        this.body = body;
    }

    /** Whether the run's text occurs in the body text (a second time, when the run is itself at body size). */
    boolean repeatsBody(List<Line> run) {
        Styled s = new Styled();
        LineJoiner joiner = new LineJoiner(List.of());
        run.forEach(l -> joiner.append(s, l));
        String mine = ArticleParser.comparable(s.plain());
        if (mine.split(" ").length < MIN_WORDS) {
            return false;
        }
        if (bodyText == null) {
            Styled all = new Styled();
            lines.stream().filter(l -> Math.abs(l.size - body) <= BlockBuilder.SAME_SIZE).forEach(l -> joiner.append(all, l));
            bodyText = ArticleParser.comparable(all.plain());
        }
        int first = bodyText.indexOf(mine);
        boolean itselfBody = Math.abs(run.get(0).size - body) <= BlockBuilder.SAME_SIZE;
        return first >= 0 && (!itselfBody || bodyText.indexOf(mine, first + 1) >= 0);
    }
}
