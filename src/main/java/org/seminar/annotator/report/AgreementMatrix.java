package org.seminar.annotator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agreement figures of one group, from who applied which tag in which paragraph. Pure code:
 * units are the body paragraphs; a coder's value for a paragraph and tag is 1 if they applied the
 * tag anywhere in it, else 0; coders are the reviewers who marked the document finished or, while
 * nobody has, everyone who annotated it.
 */
public final class AgreementMatrix {

    /** A body paragraph, the unit of agreement. */
    public record Unit(String paragraphId, int number) {
    }

    /** One fact: this coder applied this tag somewhere in this paragraph. */
    public record Applied(String coder, String paragraphId, String tag) {
    }

    private AgreementMatrix() {
    }

    /**
     * The figures per tag (Krippendorff's α, Fleiss' κ, a reading in plain words), Cohen's κ per pair
     * of coders and tag, and the ten paragraphs where the coders split most evenly.
     */
    public static ReportViews.AgreementView compute(List<Unit> units, List<String> tags, Set<Applied> applied, List<String> finished,
            Set<String> annotators) {
        List<String> coders = List.copyOf(finished.isEmpty() ? annotators : finished);
        String codersAre = finished.isEmpty() ? "reviewers who annotated the document (nobody has marked it finished yet)"
                : "reviewers who marked the document finished";
        Map<String, ReportViews.TagAgreement> byTag = new LinkedHashMap<>();
        Map<List<String>, Map<String, Double>> pairKappas = new LinkedHashMap<>();
        List<ReportViews.Split> splits = new ArrayList<>();
        for (String tag : tags) {
            List<List<Integer>> values = new ArrayList<>();
            int[][] counts = new int[units.size()][2];
            List<List<Integer>> byCoder = new ArrayList<>();
            coders.forEach(c -> byCoder.add(new ArrayList<>()));
            for (int u = 0; u < units.size(); u++) {
                Unit unit = units.get(u);
                List<Integer> row = new ArrayList<>();
                for (int c = 0; c < coders.size(); c++) {
                    int value = applied.contains(new Applied(coders.get(c), unit.paragraphId(), tag)) ? 1 : 0;
                    row.add(value);
                    counts[u][value]++;
                    byCoder.get(c).add(value);
                }
                values.add(row);
                if (counts[u][0] > 0 && counts[u][1] > 0) {
                    splits.add(new ReportViews.Split(unit.paragraphId(), unit.number(), tag, counts[u][1], coders.size()));
                }
            }
            Double alpha = coders.size() < 2 ? null : Agreement.krippendorffAlphaNominal(values);
            Double fleiss = coders.size() < 2 ? null : Agreement.fleissKappa(counts);
            byTag.put(tag, new ReportViews.TagAgreement(round(alpha), round(fleiss), Agreement.reading(alpha)));
            for (int i = 0; i < coders.size(); i++) {
                for (int j = i + 1; j < coders.size(); j++) {
                    pairKappas.computeIfAbsent(List.of(coders.get(i), coders.get(j)), k -> new LinkedHashMap<>())
                            .put(tag, round(Agreement.cohenKappa(byCoder.get(i), byCoder.get(j))));
                }
            }
        }
        List<ReportViews.Pair> pairwise = pairKappas.entrySet().stream()
                .map(e -> new ReportViews.Pair(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
        // the most even splits first: those are the paragraphs worth discussing
        splits.sort(Comparator.comparingDouble((ReportViews.Split x) -> Math.abs(0.5 - x.applied() / (double) x.coders()))
                .thenComparingInt(ReportViews.Split::number));
        return new ReportViews.AgreementView("paragraph", coders, codersAre, byTag, pairwise, splits.subList(0, Math.min(10, splits.size())));
    }

    static Double round(Double d) {
        return d == null ? null : Math.round(d * 10000) / 10000.0;
    }
}
