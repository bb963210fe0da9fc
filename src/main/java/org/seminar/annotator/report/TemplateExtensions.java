package org.seminar.annotator.report;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Formatting for the report templates; methods sit on the parent objects because values may be null. */
@TemplateExtension
public class TemplateExtensions {

    static String coefficient(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String alpha(ReportViews.TagAgreement agreement) {
        return coefficient(agreement.krippendorffAlpha());
    }

    static String fleiss(ReportViews.TagAgreement agreement) {
        return coefficient(agreement.fleissKappa());
    }

    static String kappa(ReportViews.Pair pair, String slug) {
        return coefficient(pair.byTag().get(slug));
    }

    static long count(ReportViews.ParagraphRow paragraph, String slug) {
        return paragraph.byTag().getOrDefault(slug, 0L);
    }

    static long count(ReportViews.ReviewerRow reviewer, String slug) {
        return reviewer.byTag().getOrDefault(slug, 0L);
    }

    /** Opacity for a strip cell: more annotations, stronger colour. */
    static String opacity(ReportViews.ParagraphRow paragraph, String slug) {
        long count = count(paragraph, slug);
        return count == 0 ? "0" : String.format(Locale.ROOT, "%.2f", Math.min(1.0, 0.35 + 0.15 * count));
    }

    /** "1 annotation", "5 annotations". */
    static String annotationCount(ReportPages.Hotspot hotspot) {
        return hotspot.annotations() + (hotspot.annotations() == 1 ? " annotation" : " annotations");
    }

    /** Multiplication, for laying out the strip's cells. */
    static int times(Integer value, int factor) {
        return value * factor;
    }

    /** The agreement heat maps of a group report, one per tag (none while blind mode hides agreement). */
    static java.util.List<AgreementHeatMap.TagMatrix> heatMaps(ReportViews.GroupReport report) {
        return AgreementHeatMap.of(report);
    }

    /** The bands of the heat maps' legend. */
    static java.util.List<AgreementHeatMap.Band> heatMapScale(ReportViews.GroupReport report) {
        return AgreementHeatMap.Band.scale();
    }

    /** Whether a tag's heat map starts unfolded: all of a small group's, only the first of a large one's. */
    static boolean unfolded(ReportViews.GroupReport report, int index) {
        return index == 0 || report.agreement().coders().size() <= 8;
    }
}
