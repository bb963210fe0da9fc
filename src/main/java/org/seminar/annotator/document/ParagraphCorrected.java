package org.seminar.annotator.document;

import java.util.List;

/**
 * A paragraph's text was corrected, inside the correcting transaction: observers (the annotations)
 * move what was anchored in it and count how. {@code text} is the new text of every part joined by
 * a blank line, {@code parts} the paragraphs it became (the first keeps the old id) with where each
 * starts in {@code text}; {@code mapping} carries old offsets into {@code text}. {@code oldParts} are the paragraphs
 * {@code oldText} was made of, joined the same way (one, or two when a paragraph was joined with the next): an
 * annotation of one of them sits at its offset plus the part's start in {@code oldText}.
 */
public record ParagraphCorrected(String documentId, String paragraphId, String oldText, String text, List<Part> parts,
        TextMapping mapping, String actor, Counts counts, List<Part> oldParts) {

    public record Part(String paragraphId, int start, String text) {
    }

    /** How the annotations were placed again; filled in by the observers. */
    public static final class Counts {
        public int exact;
        public int fuzzy;
        public int needsAttention;
    }

    /** The part that holds a position of {@code text}, and the offset within it. */
    public Part partAt(int offset) {
        Part found = parts.get(0);
        for (Part p : parts) {
            if (p.start() <= offset) {
                found = p;
            }
        }
        return found;
    }
}
