package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.tag.TagService;

/**
 * The report as a Markdown summary ready to paste into a paper or hand in: the figures per group,
 * then each annotation with its quote, tags, comment and replies, times in the reader's zone.
 */
@ApplicationScoped
public class MarkdownReport {

    @Inject
    ReportService reports;
    @Inject
    ReportExports exports;
    @Inject
    TagService tags;

    @Transactional
    public String markdown(String documentId, ReportService.Filter filter, Reader reader, LocalTimes times) {
        List<ReportViews.GroupReport> groupReports = reports.report(documentId, filter, reader).groupReports();
        List<ReportExports.Row> rows = exports.rows(documentId, filter, reader);
        Map<String, List<ReportExports.ReplyRow>> replies = exports.replies(rows, reader);
        Map<String, List<ReportExports.Row>> rowsByGroup = rows.stream().collect(Collectors.groupingBy(ReportExports.Row::group));
        Map<String, TagService.TagView> codebook = tags.bySlug();
        Document doc = Document.findById(documentId);
        StringBuilder md = new StringBuilder("# Annotation report: " + md(doc.title) + "\n\n");
        md.append("Times are given in ").append(times.name()).append(".\n\n");
        for (ReportViews.GroupReport g : groupReports) {
            md.append("## Seminar group ").append(md(g.group())).append("\n\n");
            figures(md, g);
            List<ReportExports.Row> annotations = rowsByGroup.getOrDefault(g.group(), List.of());
            md.append("### Annotations (").append(annotations.size()).append(")\n\n");
            for (ReportExports.Row r : annotations) {
                annotation(md, r, replies.getOrDefault(r.id(), List.of()), codebook, times);
            }
        }
        return md.toString();
    }

    private static void figures(StringBuilder md, ReportViews.GroupReport g) {
        md.append("| Tag | Annotations | Paragraphs | Reviewers | Characters | Krippendorff's α | Fleiss' κ | Reading |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ReportViews.TagRow t : g.tags()) {
            ReportViews.TagAgreement a = g.agreementFor(t.slug());
            md.append("| ").append(md(t.name())).append(" | ").append(t.annotations()).append(" | ").append(t.paragraphs())
                    .append(" | ").append(t.reviewers()).append(" | ").append(t.characters()).append(" | ")
                    .append(a == null ? "—" : num(a.krippendorffAlpha())).append(" | ")
                    .append(a == null ? "—" : num(a.fleissKappa())).append(" | ").append(a == null ? "" : a.reading()).append(" |\n");
        }
        if (g.agreement() != null) {
            md.append("\nCoders: ").append(g.agreement().coders().isEmpty() ? "none" : md(String.join(", ", g.agreement().coders())))
                    .append(" (").append(g.agreement().codersAre()).append("); units: the ")
                    .append(g.paragraphs().size()).append(" body paragraphs.\n\n");
        } else {
            md.append("\nBlind mode is on: own figures only, agreement after the reveal.\n\n");
        }
        md.append("| Reviewer | Annotations | Finished |\n|---|---:|---|\n");
        for (ReportViews.ReviewerRow r : g.reviewers()) {
            md.append("| ").append(md(r.name())).append(" (").append(md(r.username())).append(") | ").append(r.annotations())
                    .append(" | ").append(r.finishedLabel()).append(" |\n");
        }
        md.append('\n');
    }

    /** One annotation: where and by whom, the quote as a block quote, the comment, the replies as a list. */
    private static void annotation(StringBuilder md, ReportExports.Row r, List<ReportExports.ReplyRow> replies,
            Map<String, TagService.TagView> codebook, LocalTimes times) {
        md.append("#### ¶ ").append(r.paragraphNumber());
        if (!r.tags().isEmpty()) {
            md.append(" · ").append(md(ReportExports.tagColumn(r.tags(), codebook, TagService.TagView::name).replace(";", ", ")));
        }
        md.append("\n\n").append(md(name(r.authorName(), r.author()))).append(", ").append(times.readable(r.created())).append("\n\n");
        md.append("> ").append(md(r.quote())).append("\n\n");
        if (r.comment() != null && !r.comment().isBlank()) {
            md.append(md(r.comment())).append("\n\n");
        }
        for (ReportExports.ReplyRow reply : replies) {
            md.append("- **").append(md(name(reply.authorName(), reply.author()))).append("** (").append(times.readable(reply.created()))
                    .append("): ").append(md(reply.comment())).append('\n');
        }
        if (!replies.isEmpty()) {
            md.append('\n');
        }
    }

    private static String name(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /**
     * User text in Markdown: HTML is escaped (a reader that renders Markdown shows it as text) and so
     * are the characters Markdown would read as formatting or as a table cell's end.
     */
    static String md(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String num(Double d) {
        return d == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
