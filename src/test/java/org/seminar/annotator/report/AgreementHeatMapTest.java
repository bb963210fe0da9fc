package org.seminar.annotator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heat map's matrices from the pairwise κ: symmetric, a dash on the diagonal, Landis–Koch bands, the row mean. */
class AgreementHeatMapTest {

    static ReportViews.GroupReport report(List<String> coders, List<ReportViews.Pair> pairs) {
        List<ReportViews.ReviewerRow> reviewers = coders.stream()
                .map(c -> new ReportViews.ReviewerRow(c, c.toUpperCase(), 1, true, Map.of(), null)).toList();
        return new ReportViews.GroupReport("d", "seminar-a", reviewers, List.of(new ReportViews.TagRow("neutrality", "neutrality", 3, 2, 3, 30)),
                List.of(), new ReportViews.AgreementView("paragraph", coders, "finished", Map.of(), pairs, List.of()), List.of());
    }

    @Test
    void eachPairAppearsOnBothSidesOfTheDiagonalWithItsBand() {
        var map = AgreementHeatMap.of(report(List.of("ann", "bob", "cy"), List.of(
                new ReportViews.Pair("ann", "bob", Map.of("neutrality", 0.9)),
                new ReportViews.Pair("ann", "cy", Map.of("neutrality", -0.2)),
                new ReportViews.Pair("bob", "cy", Map.of("neutrality", 0.5)))));
        assertEquals(1, map.size());
        var rows = map.get(0).rows();
        assertEquals("ANN", rows.get(0).name());
        assertEquals("—", rows.get(0).cells().get(0).text());
        assertTrue(rows.get(0).cells().get(0).self());
        assertEquals("0.90", rows.get(0).cells().get(1).text());
        assertEquals("0.90", rows.get(1).cells().get(0).text(), "symmetric");
        assertEquals(AgreementHeatMap.Band.ALMOST_PERFECT, rows.get(1).cells().get(0).band());
        assertEquals("\u22120.20", rows.get(2).cells().get(0).text(), "a true minus sign");
        assertEquals(AgreementHeatMap.Band.POOR, rows.get(2).cells().get(0).band());
        assertEquals(AgreementHeatMap.Band.MODERATE, rows.get(2).cells().get(1).band());
        assertEquals("0.35", rows.get(0).mean().text(), "(0.9 − 0.2) / 2");
        assertEquals("k-moderate", rows.get(1).cells().get(2).band().css);
    }

    @Test
    void anUndefinedKappaIsNotAColourButSaysSo() {
        var map = AgreementHeatMap.of(report(List.of("ann", "bob"), List.of(new ReportViews.Pair("ann", "bob", new java.util.HashMap<>()))));
        assertEquals("n/a", map.get(0).rows().get(0).cells().get(1).text());
        assertEquals(AgreementHeatMap.Band.NONE, map.get(0).rows().get(0).mean().band());
    }

    @Test
    void aLargeClassGetsOneDecimalSoThatThirtyColumnsFit() {
        List<String> coders = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "s" + i).toList();
        var map = AgreementHeatMap.of(report(coders, List.of(new ReportViews.Pair("s1", "s2", Map.of("neutrality", 0.456)))));
        assertEquals("0.5", map.get(0).rows().get(0).cells().get(1).text());
        assertEquals(12, map.get(0).rows().size());
    }

    @Test
    void blindModeOrASingleCoderGivesNoMatrix() {
        var one = report(List.of("ann"), List.of());
        assertEquals(List.of(), AgreementHeatMap.of(one));
        var blind = new ReportViews.GroupReport("d", "g", List.of(), List.of(), List.of(), null, null);
        assertEquals(List.of(), AgreementHeatMap.of(blind));
    }
}
