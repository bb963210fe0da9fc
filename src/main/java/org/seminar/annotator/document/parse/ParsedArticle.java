package org.seminar.annotator.document.parse;

import java.util.List;

/** The logical structure of an article as the parser rebuilt it, before it gets ids and is stored. */
public record ParsedArticle(String title, List<String> authors, String abstractText, List<String> keywords,
        InlineText authorNote, List<Section> sections, List<Footnote> footnotes) {

    /**
     * A section: its heading (null for text before the first heading) and its body paragraphs; {@code pages} (null when
     * the source has no pages) gives the page each paragraph started on.
     */
    public record Section(String heading, List<InlineText> paragraphs, List<Integer> pages) {
        public Section(String heading, List<InlineText> paragraphs) {
            this(heading, paragraphs, null);
        }

        /** The page paragraph {@code i} started on, or null. */
        public Integer pageOf(int i) {
            return pages == null ? null : pages.get(i);
        }
    }

    /** A footnote with its printed label ("1", "2", ...) and its full text. */
    public record Footnote(String label, InlineText content) {
    }

    public List<InlineText> paragraphs() {
        return sections.stream().flatMap(s -> s.paragraphs().stream()).toList();
    }
}
