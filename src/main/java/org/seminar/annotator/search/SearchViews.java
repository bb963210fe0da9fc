package org.seminar.annotator.search;

import java.time.Instant;
import java.util.List;

/** Search results at the edge. */
public final class SearchViews {

    private SearchViews() {
    }

    /** A piece of a snippet: text, and whether it is where the query matched (to be shown as text, marked). */
    public record Part(String text, boolean match) {
    }

    /**
     * One annotation or reply that matched: where it is (document, paragraph), the passage quoted, a
     * snippet of the text that matched (the comment, the reply or the quote), who wrote it, and the
     * link that opens the place on the reading page; {@code snippetText} is the snippet without its marks.
     */
    public record Hit(String kind, String documentId, String documentTitle, String paragraphId, int paragraphNumber, String annotationId,
            String replyId, String quote, String matchedIn, List<Part> snippet, String snippetText, String author, String authorName,
            Instant created, String link) {
    }

    /** A page of results, best first; {@code nextOffset} is null on the last page. */
    public record Results(String query, long total, int offset, int limit, Integer nextOffset, List<Hit> hits) {
    }
}
