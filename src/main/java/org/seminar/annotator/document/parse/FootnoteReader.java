package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The fifth stage's footnotes, from the lines of the pages' footnote areas in reading order. Footnotes are numbered
 * in sequence: a line that starts with the next number (raised, or followed by a space or a capital) opens the next
 * note, any other line continues the current one, also on a later page. A note mark ({@code *}, {@code †}) opens the
 * author's note. Numbered lines before a restart at 1 on a later page were not footnotes (a first page's
 * affiliations) and are dropped, as are lines before any note.
 */
final class FootnoteReader {

    /** A footnote number has at most this many digits. */
    static final int LABEL_DIGITS = 3;

    private final LineJoiner joiner;
    final List<String> labels = new ArrayList<>();
    final List<Styled> notes = new ArrayList<>();
    private final List<Integer> pages = new ArrayList<>();
    Styled authorNote;

    FootnoteReader(LineJoiner joiner) {
        this.joiner = joiner;
    }

    void read(List<Line> lines, List<ParsedArticle.Dropped> dropped) {
        Styled current = null;
        for (Line l : lines) {
            String text = l.text.strip();
            int from = l.text.indexOf(text);
            int labelEnd = from;
            while (labelEnd < l.text.length() && Character.isDigit(l.text.charAt(labelEnd))) {
                labelEnd++;
            }
            String label = l.text.substring(from, labelEnd);
            boolean raised = labelEnd > from && (l.styles[from] & Line.SUP) != 0;
            boolean spaced = labelEnd < l.text.length() && (Character.isWhitespace(l.text.charAt(labelEnd))
                    || Character.isUpperCase(l.text.charAt(labelEnd)) || l.text.charAt(labelEnd) == '.');
            boolean numbered = !label.isEmpty() && label.length() <= LABEL_DIGITS && (raised || spaced);
            if (numbered && restarts(label, l.page)) {
                for (int n = 0; n < notes.size(); n++) {
                    dropped.add(new ParsedArticle.Dropped(ParsedArticle.DropReason.OTHER, pages.get(n), notes.get(n).plain()));
                }
                labels.clear();
                notes.clear();
                pages.clear();
            }
            if (numbered && isNext(label)) {
                labels.add(label);
                current = new Styled();
                notes.add(current);
                pages.add(l.page);
                int start = labelEnd;
                if (start < l.text.length() && l.text.charAt(start) == '.') {
                    start++;
                }
                while (start < l.text.length() && Character.isWhitespace(l.text.charAt(start))) {
                    start++;
                }
                current.append(l.text.substring(0, from + text.length()), l.styles, start);
            } else if ((text.startsWith("*") || text.startsWith("†")) && labels.isEmpty()) {
                authorNote = new Styled();
                current = authorNote;
                int start = from + 1;
                while (start < l.text.length() && Character.isWhitespace(l.text.charAt(start))) {
                    start++;
                }
                current.append(l.text.substring(0, from + text.length()), l.styles, start);
            } else if (current != null) {
                joiner.append(current, l);
            } else {
                dropped.add(new ParsedArticle.Dropped(ParsedArticle.DropReason.OTHER, l.page, l.plain()));
            }
        }
    }

    /** A note 1 on a later page than all notes so far, when notes were read: a new sequence begins. */
    private boolean restarts(String label, int page) {
        return label.equals("1") && !labels.isEmpty() && pages.stream().allMatch(p -> p < page) && !isNext(label)
                && pages.stream().distinct().count() == 1;
    }

    /** Footnotes are numbered in order: a number that is not the next one is text of the current note. */
    private boolean isNext(String label) {
        int n = Integer.parseInt(label);
        return labels.isEmpty() ? n <= 9 : n == Integer.parseInt(labels.get(labels.size() - 1)) + 1;
    }

    List<ParsedArticle.Footnote> footnotes() {
        List<ParsedArticle.Footnote> out = new ArrayList<>();
        for (int n = 0; n < notes.size(); n++) {
            out.add(new ParsedArticle.Footnote(labels.get(n), notes.get(n).inline(false)));
        }
        return out;
    }

    InlineText authorNote() {
        return authorNote == null ? null : authorNote.inline(false);
    }
}
