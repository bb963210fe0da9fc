package org.seminar.annotator.document.parse.ocr;

import java.util.List;

/**
 * One page's text as OCR recognised it, in PDF points from the page's top left corner (as the text reader measures a
 * text layer): the page's size and its lines, each with a baseline, an estimated font size and its words.
 *
 * @param number the page, 1-based
 */
public record OcrPage(int number, float width, float height, List<Line> lines) {

    /** A line of print: its words left to right, on one baseline (points from the top), set in one size (points). */
    public record Line(float baseline, float fontSize, List<Word> words) {
    }

    /**
     * A word and its box in points; {@code confidence} is the engine's, 0 to 100.
     */
    public record Word(String text, float x, float top, float width, float height, float confidence) {
    }

    /** The letters recognised on the page. */
    public long letters() {
        return lines.stream().flatMap(l -> l.words().stream()).mapToLong(w -> w.text().codePoints().filter(Character::isLetter).count())
                .sum();
    }
}
