package org.seminar.annotator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.tag.TagService;

/** Builds everything the report page shows, as one record, from the report and the exported rows. */
@ApplicationScoped
public class ReportPages {

    /** A passage that drew many annotations, with what the reviewers said. */
    public record Hotspot(int number, String paragraphId, long annotations, List<ReportExports.Row> rows) {
        /** How many of its annotations a hotspot lists before folding the rest away. */
        static final int SHOWN = 5;

        /** The first annotations, always shown. */
        public List<ReportExports.Row> shown() {
            return rows.subList(0, Math.min(SHOWN, rows.size()));
        }

        /** The rest, in a fold. */
        public List<ReportExports.Row> more() {
            return rows.size() <= SHOWN ? List.of() : rows.subList(SHOWN, rows.size());
        }
    }

    /** One group's figures for the chart script, with the codebook's colour of each tag. */
    record ChartGroup(String group, List<ReportViews.ReviewerRow> reviewers, List<ReportViews.TagRow> tags, Map<String, String> colors) {
    }

    /**
     * The report page's model.
     *
     * @param query     the filters as a query string ({@code ?group=…&}), for the download links
     * @param chartData the chart's figures as JSON, safe inside a {@code <script type="application/json">}
     */
    public record ReportPage(String documentId, String title, List<ReportViews.GroupReport> reports,
            Map<String, TagService.TagView> codebook, ReportService.Filter filter, String query, List<String> myGroups, boolean admin,
            String username, List<Hotspot> hotspots, String chartData, Map<String, Boolean> blind, List<ReportViews.ReviewerRow> reviewers,
            String flash) {
    }

    @Inject
    ReportService reports;
    @Inject
    ReportExports exports;
    @Inject
    TagService tags;
    @Inject
    ObjectMapper json;
    @Inject
    org.seminar.annotator.annotation.BlindModes blindModes;
    @Inject
    org.seminar.annotator.group.SeminarGroups groups;

    @Transactional
    public ReportPage page(String documentId, ReportService.Filter filter, Reader reader, String flash) {
        List<ReportViews.GroupReport> groupReports = reports.report(documentId, filter, reader).groupReports();
        List<Hotspot> hotspots = exports.rows(documentId, filter, reader).stream()
                .collect(Collectors.groupingBy(ReportExports.Row::paragraphNumber)).entrySet().stream()
                .map(e -> new Hotspot(e.getKey(), e.getValue().get(0).paragraphId(), e.getValue().size(), e.getValue()))
                .sorted(Comparator.comparingLong(Hotspot::annotations).reversed().thenComparingInt(Hotspot::number))
                .limit(5).toList();
        Map<String, TagService.TagView> codebook = tags.bySlug();
        List<ChartGroup> chart = groupReports.stream().map(g -> new ChartGroup(g.group(), g.reviewers(), g.tags(),
                g.tags().stream().collect(Collectors.toMap(ReportViews.TagRow::slug,
                        t -> codebook.containsKey(t.slug()) ? codebook.get(t.slug()).color() : "#777777", (a, b) -> a)))).toList();
        Map<String, Boolean> blind = new java.util.LinkedHashMap<>();
        for (ReportViews.GroupReport g : groupReports) {
            groups.idOf(g.group()).ifPresent(id -> blind.put(g.group(), blindModes.isBlind(documentId, id)));
        }
        Map<String, ReportViews.ReviewerRow> reviewers = new java.util.TreeMap<>();
        groupReports.forEach(g -> g.reviewers().forEach(r -> reviewers.putIfAbsent(r.name() + "\u0000" + r.username(), r)));
        String chartData;
        try {
            chartData = json.writeValueAsString(chart).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportPage(documentId, Document.<Document>findById(documentId).title, groupReports, codebook, filter,
                "?" + queryString(filter), List.copyOf(reader.groupIdsByName().keySet()), reader.admin(), reader.username(), hotspots,
                chartData, blind, List.copyOf(reviewers.values()), flash);
    }

    /** The filters as {@code name=value&} pairs (empty ones left out). */
    static String queryString(ReportService.Filter filter) {
        return param("group", filter.group()) + param("tag", filter.tag()) + param("author", filter.author());
    }

    static String param(String name, String value) {
        return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&";
    }
}
