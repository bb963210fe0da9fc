package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the stages after the glyphs, from {@link PageText}s to the article: lines ({@link LineBuilder}), page zones
 * ({@link PageZones}), reading order and blocks ({@link ReadingOrder}, {@link BlockBuilder}), front matter and
 * footnotes ({@link FrontMatter}, {@link FootnoteReader}); then sections are made from the blocks, headings opening
 * them. What the stages left out of the text is kept in {@link ParsedArticle#dropped()}.
 */
final class LayoutPipeline {

    private LayoutPipeline() {
    }

    /** {@code noted}: what was left out before the stages ran (pages not read), listed after what the stages leave out. */
    static ParsedArticle read(List<PageText> pages, ReadBudget budget, boolean ocr, List<ParsedArticle.Dropped> noted) {
        List<List<Line>> perPage = new ArrayList<>();
        List<Line> all = new ArrayList<>();
        for (PageText page : pages) {
            budget.check();
            List<Line> lines = new ArrayList<>(LineLabels.join(LineBuilder.lines(page)));
            lines.removeIf(l -> l.text.isBlank());
            perPage.add(lines);
            all.addAll(lines);
        }
        float body = PageZones.bodySize(all);
        List<ParsedArticle.Dropped> dropped = new ArrayList<>();
        PageZones.mark(pages, perPage, body, dropped);
        List<Line> ordered = new ArrayList<>();
        List<Line> notes = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            budget.check();
            List<Line> live = perPage.get(p).stream().filter(l -> l.zone == Line.Zone.BODY).toList();
            List<Line> inOrder = ReadingOrder.order(live, body);
            BlockKinds.countCells(inOrder, pages.get(p).width());
            ordered.addAll(inOrder);
            notes.addAll(ReadingOrder.order(perPage.get(p).stream().filter(l -> l.zone == Line.Zone.FOOTNOTE).toList(), body));
        }
        FrontMatter front = new FrontMatter();
        front.title(ordered, body, dropped);
        List<Line> text = ordered.stream().filter(l -> l.zone == Line.Zone.BODY).toList();
        LineJoiner joiner = new LineJoiner(all);
        List<Block> blocks = new BlockBuilder(text, body, joiner, budget).blocks(dropped);
        if (front.title == null && !blocks.isEmpty()) {
            front.title = blocks.remove(0).plain();
        }
        blocks = front.read(blocks, dropped);
        FootnoteReader footnotes = new FootnoteReader(joiner);
        footnotes.read(notes, dropped);
        dropped.addAll(noted);
        return new ParsedArticle(front.title, List.copyOf(front.authors), front.abstractParts.isEmpty() ? null
                : String.join("\n\n", front.abstractParts), front.keywords, footnotes.authorNote(), sections(blocks),
                footnotes.footnotes(), List.copyOf(dropped), ocr, pages.size());
    }

    private static List<ParsedArticle.Section> sections(List<Block> blocks) {
        List<ParsedArticle.Section> sections = new ArrayList<>();
        String heading = null;
        List<InlineText> paragraphs = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        List<ParsedArticle.BlockKind> kinds = new ArrayList<>();
        boolean open = false;
        for (Block b : blocks) {
            if (b.isHeading()) {
                if (open) {
                    sections.add(new ParsedArticle.Section(heading, paragraphs, pages, kinds));
                }
                heading = b.plain();
                paragraphs = new ArrayList<>();
                pages = new ArrayList<>();
                kinds = new ArrayList<>();
                open = true;
            } else {
                InlineText inline = b.text.inline(true);
                if (!inline.text().isBlank()) {
                    paragraphs.add(inline);
                    pages.add(b.page);
                    kinds.add(b.kind);
                    open = true;
                }
            }
        }
        if (open) {
            sections.add(new ParsedArticle.Section(heading, paragraphs, pages, kinds));
        }
        return sections;
    }
}
