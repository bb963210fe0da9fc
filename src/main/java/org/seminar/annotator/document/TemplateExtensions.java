package org.seminar.annotator.document;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** Rendering helpers for the document templates: inline structure to safe HTML. */
@TemplateExtension
public class TemplateExtensions {

    static RawString html(DocumentViews.ParagraphView paragraph) {
        List<InlineHtml.Marker> markers = paragraph.footnoteRefs().stream()
                .map(r -> new InlineHtml.Marker(r.offset(), r.label(), "fnref-" + r.label() + "-" + paragraph.id()))
                .toList();
        return new RawString(InlineHtml.render(paragraph.text(), paragraph.marks(), markers));
    }

    static RawString html(DocumentViews.FootnoteView footnote) {
        return new RawString(InlineHtml.render(footnote.text(), footnote.marks(), List.of()));
    }

    static RawString authorNoteHtml(DocumentViews.Detail doc) {
        return new RawString(InlineHtml.render(doc.authorNote(), doc.authorNoteMarks(), List.of()));
    }
}
