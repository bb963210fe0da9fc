package org.seminar.annotator.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inter-coder agreement, as pure functions. Values are category codes; {@code null} marks a missing
 * value. Every coefficient returns {@code null} where it is undefined (fewer than two coders or
 * pairable values, or no variation at all), never a made-up number.
 */
public final class Agreement {

    private Agreement() {
    }

    /**
     * Krippendorff's alpha for nominal data with missing values (Krippendorff, "Computing
     * Krippendorff's Alpha-Reliability", 2011): {@code units.get(u).get(c)} is coder c's value for unit u.
     */
    public static Double krippendorffAlphaNominal(List<List<Integer>> units) {
        Map<Integer, Map<Integer, Double>> coincidences = new HashMap<>();
        for (List<Integer> unit : units) {
            List<Integer> values = unit.stream().filter(v -> v != null).toList();
            int m = values.size();
            if (m < 2) {
                continue; // a unit with one value has nothing to pair
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidences.computeIfAbsent(values.get(i), k -> new HashMap<>())
                                .merge(values.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        Map<Integer, Double> marginals = new HashMap<>();
        coincidences.forEach((c, row) -> marginals.put(c, row.values().stream().mapToDouble(Double::doubleValue).sum()));
        double n = marginals.values().stream().mapToDouble(Double::doubleValue).sum();
        if (n < 2) {
            return null;
        }
        double observedDisagreement = 0;
        for (var row : coincidences.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (!row.getKey().equals(cell.getKey())) {
                    observedDisagreement += cell.getValue();
                }
            }
        }
        double expectedDisagreement = 0;
        for (var c : marginals.entrySet()) {
            for (var k : marginals.entrySet()) {
                if (!c.getKey().equals(k.getKey())) {
                    expectedDisagreement += c.getValue() * k.getValue();
                }
            }
        }
        if (expectedDisagreement == 0) {
            return null; // every value the same: agreement cannot be told from chance
        }
        return 1 - (n - 1) * observedDisagreement / expectedDisagreement;
    }

    /**
     * Fleiss' kappa from category counts: {@code counts[i][j]} is how many coders put unit i in
     * category j; every unit must have the same number of coders.
     */
    public static Double fleissKappa(int[][] counts) {
        if (counts.length == 0) {
            return null;
        }
        int raters = 0;
        for (int c : counts[0]) {
            raters += c;
        }
        if (raters < 2) {
            return null;
        }
        int categories = counts[0].length;
        double[] columnTotals = new double[categories];
        double meanAgreement = 0;
        for (int[] unit : counts) {
            int sum = 0;
            double squares = 0;
            for (int j = 0; j < categories; j++) {
                sum += unit[j];
                squares += (double) unit[j] * unit[j];
                columnTotals[j] += unit[j];
            }
            if (sum != raters) {
                throw new IllegalArgumentException("every unit needs the same number of coders");
            }
            meanAgreement += (squares - raters) / (raters * (raters - 1.0));
        }
        meanAgreement /= counts.length;
        double expected = 0;
        for (double total : columnTotals) {
            double p = total / (counts.length * (double) raters);
            expected += p * p;
        }
        if (expected == 1) {
            return null;
        }
        return (meanAgreement - expected) / (1 - expected);
    }

    /** Cohen's kappa of two coders over the same units (both lists the same length, no missing values). */
    public static Double cohenKappa(List<Integer> a, List<Integer> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("both coders must code the same units");
        }
        int n = a.size();
        if (n == 0) {
            return null;
        }
        Set<Integer> categories = new HashSet<>(a);
        categories.addAll(b);
        double agree = 0;
        for (int i = 0; i < n; i++) {
            if (a.get(i).equals(b.get(i))) {
                agree++;
            }
        }
        double observed = agree / n;
        double expected = 0;
        for (Integer c : categories) {
            double pa = a.stream().filter(c::equals).count() / (double) n;
            double pb = b.stream().filter(c::equals).count() / (double) n;
            expected += pa * pb;
        }
        if (expected == 1) {
            return null;
        }
        return (observed - expected) / (1 - expected);
    }

    /** Plain words for a coefficient, after the bands commonly used with kappa and alpha (Landis and Koch 1977; Krippendorff 2004). */
    public static String reading(Double value) {
        if (value == null) {
            return "not defined (too few coders, or no variation)";
        }
        if (value >= 0.8) {
            return "strong agreement";
        }
        if (value >= 0.667) {
            return "acceptable for tentative conclusions";
        }
        if (value >= 0.4) {
            return "moderate agreement";
        }
        if (value > 0) {
            return "weak agreement";
        }
        return "no agreement beyond chance";
    }
}
