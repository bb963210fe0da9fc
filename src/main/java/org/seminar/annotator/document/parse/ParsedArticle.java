package org.seminar.annotator.document.parse;

import java.util.List;

/**
 * The logical structure of an article as the parser rebuilt it, before it gets ids and is stored. {@code dropped} is
 * what the reader left out of the text on purpose (running heads, page numbers, pull quotes, ...), kept so that the
 * person importing can check it; {@code ocr} says the text was recognised from page images, not read from a text layer; {@code pageCount} is the
 * source's number of pages (0 for a text).
 */
public record ParsedArticle(String title, List<String> authors, String abstractText, List<String> keywords,
        InlineText authorNote, List<Section> sections, List<Footnote> footnotes, List<Dropped> dropped, boolean ocr,
        int pageCount) {

    /** An article from a text without pages. */
    public ParsedArticle(String title, List<String> authors, String abstractText, List<String> keywords,
            InlineText authorNote, List<Section> sections, List<Footnote> footnotes) {
        this(title, authors, abstractText, keywords, authorNote, sections, footnotes, List.of(), false, 0);
    }

    /** What a block of the body is: running prose, or a table, figure (caption and labels) or code listing kept whole. */
    public enum BlockKind {
        PARAGRAPH, TABLE, FIGURE, CODE;

        /** The stored name: "paragraph", "table", ... */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why a line was left out of the text. */
    public enum DropReason {
        RUNNING_HEAD, PAGE_NUMBER, PULL_QUOTE, MARGIN_NOTE, OTHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A line left out of the text, with the page it was printed on (1-based). */
    public record Dropped(DropReason reason, int page, String text) {
    }

    /**
     * A section: its heading (null for text before the first heading) and its body blocks; {@code pages} (null when
     * the source has no pages) gives the page each block started on, {@code kinds} (null: all paragraphs) what each is.
     */
    public record Section(String heading, List<InlineText> paragraphs, List<Integer> pages, List<BlockKind> kinds) {
        public Section(String heading, List<InlineText> paragraphs, List<Integer> pages) {
            this(heading, paragraphs, pages, null);
        }

        public Section(String heading, List<InlineText> paragraphs) {
            this(heading, paragraphs, null, null);
        }

        /** The page paragraph {@code i} started on, or null. */
        public Integer pageOf(int i) {
            return pages == null ? null : pages.get(i);
        }

        /** What block {@code i} is. */
        public BlockKind kindOf(int i) {
            return kinds == null ? BlockKind.PARAGRAPH : kinds.get(i);
        }
    }

    /** A footnote with its printed label ("1", "2", ...) and its full text. */
    public record Footnote(String label, InlineText content) {
    }

    public List<InlineText> paragraphs() {
        return sections.stream().flatMap(s -> s.paragraphs().stream()).toList();
    }
}
