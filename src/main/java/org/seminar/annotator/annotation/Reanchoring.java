package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.document.ParagraphCorrected;
import org.seminar.annotator.storage.Versions;

/**
 * Places annotations again after their paragraph's text was corrected, never dropping one:
 * <ol>
 * <li><b>exact</b>: the quote is found in the new text (among several occurrences, the one whose
 * prefix and suffix match best, then the nearest to where the old passage went);</li>
 * <li><b>fuzzy</b>: where the old passage went (by a character diff of the two texts) now holds text
 * at most {@link #MAX_DISTANCE} different from the quote (edit distance over length): a typo fixed
 * inside it, a word changed;</li>
 * <li><b>needs attention</b>: neither; the annotation keeps its quote, comment, tags and replies,
 * sits at the start of its paragraph with no length, and its author or an admin places it again.</li>
 * </ol>
 * Each move is in the annotation's history and announced as an update.
 */
@ApplicationScoped
public class Reanchoring {

    public static final String EXACT = "exact";
    public static final String FUZZY = "fuzzy";
    public static final String NEEDS_ATTENTION = "needs-attention";
    /** Largest share of the quote that may differ for a fuzzy placement. */
    static final double MAX_DISTANCE = 0.25;

    @Inject
    Event<AnnotationEvent> events;

    /** Where an annotation goes: offsets in the corrected text (all parts joined), or null. */
    record Placement(int start, int end, String anchor) {
    }

    void onCorrection(@Observes ParagraphCorrected c) {
        for (ParagraphCorrected.Part old : c.oldParts()) {
            for (Annotation a : Annotation.<Annotation>list("paragraphId", old.paragraphId())) {
                placeAgain(a, old.start(), c);
            }
        }
    }

    /** Places one annotation of an old paragraph that started at {@code base} of the corrected unit's old text. */
    private void placeAgain(Annotation a, int base, ParagraphCorrected c) {
        Placement place = place(a.quote, a.prefix, a.suffix, base + a.start, base + a.end, c);
        Map<String, Object> from = position(a);
        if (place == null) {
            if (c.parts().stream().noneMatch(p -> p.paragraphId().equals(a.paragraphId))) {
                a.paragraphId = c.parts().get(0).paragraphId(); // its paragraph was joined into the first
            }
            a.start = 0;
            a.end = 0;
            a.anchor = NEEDS_ATTENTION;
            c.counts().needsAttention++;
        } else {
            ParagraphCorrected.Part part = c.partAt(place.start());
            a.paragraphId = part.paragraphId();
            a.start = place.start() - part.start();
            a.end = place.end() - part.start();
            a.anchor = place.anchor();
            String now = part.text().substring(a.start, a.end);
            if (!now.equals(a.quote)) {
                a.quote = now;
            }
            a.prefix = part.text().substring(Math.max(0, a.start - AnnotationService.CONTEXT), a.start);
            a.suffix = part.text().substring(a.end, Math.min(part.text().length(), a.end + AnnotationService.CONTEXT));
            if (place.anchor().equals(EXACT)) {
                c.counts().exact++;
            } else {
                c.counts().fuzzy++;
            }
        }
        Map<String, Object> to = position(a);
        if (!from.equals(to)) {
            a.updated = Instant.now();
            Versions.write("annotation");
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            AnnotationHistory.record("reanchor", c.actor(), a, null, Map.of("position", change));
            events.fire(AnnotationEvent.about(EventType.ANNOTATION_UPDATED, a, c.actor()));
        }
    }

    /** Where an annotation sits, as its history records a move. */
    static Map<String, Object> position(Annotation a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("quote", a.quote);
        p.put("paragraphId", a.paragraphId);
        p.put("start", a.start);
        p.put("end", a.end);
        p.put("anchor", a.anchor);
        return p;
    }

    /** Where a passage of the old text belongs in the corrected one, or null when it cannot be placed with confidence. */
    static Placement place(String quote, String prefix, String suffix, int oldStart, int oldEnd, ParagraphCorrected c) {
        String text = c.text();
        if (quote == null || quote.isEmpty()) {
            return null;
        }
        int expected = c.mapping().map(oldStart);
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            if (text.substring(at, at + quote.length()).contains("\n\n")) {
                continue; // across two paragraphs of the correction
            }
            int score = 0;
            int after = at + quote.length();
            if (prefix != null && !prefix.isEmpty()) {
                score += endsAt(text, at, prefix) ? 2 : endsAt(text, at, tail(prefix, 8)) ? 1 : 0;
            }
            if (suffix != null && !suffix.isEmpty()) {
                score += text.startsWith(suffix, after) ? 2 : text.startsWith(head(suffix, 8), after) ? 1 : 0;
            }
            score = score * 100_000 - Math.abs(at - expected);
            if (score > bestScore) {
                best = at;
                bestScore = score;
            }
        }
        if (best >= 0) {
            return new Placement(best, best + quote.length(), EXACT);
        }
        int start = expected;
        int end = c.mapping().mapEnd(oldStart, oldEnd);
        if (end <= start || text.substring(start, end).contains("\n\n")) {
            return null;
        }
        String candidate = text.substring(start, end);
        double distance = (double) levenshtein(quote, candidate) / Math.max(quote.length(), candidate.length());
        return distance <= MAX_DISTANCE ? new Placement(start, end, FUZZY) : null;
    }

    /** Whether {@code part} ends just before {@code offset} of {@code text} (no copy of the text). */
    private static boolean endsAt(String text, int offset, String part) {
        return offset >= part.length() && text.startsWith(part, offset - part.length());
    }

    private static String tail(String s, int n) {
        return s.substring(Math.max(0, s.length() - n));
    }

    private static String head(String s, int n) {
        return s.substring(0, Math.min(s.length(), n));
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
