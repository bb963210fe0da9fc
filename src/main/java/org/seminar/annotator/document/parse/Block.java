package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;

/** A block of the body as {@link BlockBuilder} made it: a heading, or a paragraph, table, figure or code listing. */
final class Block {

    /** Null for a heading. */
    final ParsedArticle.BlockKind kind;
    final Styled text = new Styled();
    final int page;
    final List<Line> lines = new ArrayList<>();

    Block(ParsedArticle.BlockKind kind, int page) {
        this.kind = kind;
        this.page = page;
    }

    static Block heading(int page) {
        return new Block(null, page);
    }

    boolean isHeading() {
        return kind == null;
    }

    String plain() {
        return text.plain();
    }

    Line first() {
        return lines.get(0);
    }

    @Override
    public String toString() {
        return (kind == null ? "HEADING" : kind) + " p" + page + " «" + plain() + "»";
    }
}
