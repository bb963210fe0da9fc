package org.seminar.annotator.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cohen's κ of every pair of coders as one matrix per tag (coders × coders), for a heat map that a
 * class of 30 fits on a screen: each cell carries its number and a band of the Landis–Koch scale
 * (its colour), each row the coder's mean κ with the others. Pure code, from the agreement figures.
 */
public final class AgreementHeatMap {

    /** The Landis–Koch bands, by their lower bound; {@code css} names the cell's colour class. */
    public enum Band {
        POOR("below 0", "poor", "k-poor"), SLIGHT("0 to 0.2", "slight", "k-slight"), FAIR("0.2 to 0.4", "fair", "k-fair"),
        MODERATE("0.4 to 0.6", "moderate", "k-moderate"), SUBSTANTIAL("0.6 to 0.8", "substantial", "k-substantial"),
        ALMOST_PERFECT("0.8 to 1", "almost perfect", "k-perfect"), NONE("", "not defined", "k-none");

        public final String range;
        public final String label;
        public final String css;

        Band(String range, String label, String css) {
            this.range = range;
            this.label = label;
            this.css = css;
        }

        static Band of(Double kappa) {
            if (kappa == null || kappa.isNaN()) {
                return NONE;
            }
            return kappa < 0 ? POOR : kappa < 0.2 ? SLIGHT : kappa < 0.4 ? FAIR : kappa < 0.6 ? MODERATE : kappa < 0.8 ? SUBSTANTIAL
                    : ALMOST_PERFECT;
        }

        /** The bands a legend shows (every one a value can fall into). */
        public static List<Band> scale() {
            return List.of(POOR, SLIGHT, FAIR, MODERATE, SUBSTANTIAL, ALMOST_PERFECT, NONE);
        }
    }

    /** One cell: the figure as shown ({@code —} on the diagonal) and its band. */
    public record Cell(String text, Band band, boolean self) {
    }

    /** One coder's row: their number in the matrix (the column headers are numbers), name, cells and mean κ. */
    public record Row(int number, String coder, String name, List<Cell> cells, Cell mean) {
    }

    /** A tag's matrix. */
    public record TagMatrix(String slug, String name, List<Row> rows) {
    }

    private AgreementHeatMap() {
    }

    /** The matrices of a group report, one per tag; none when blind mode hides agreement or fewer than two coders. */
    public static List<TagMatrix> of(ReportViews.GroupReport report) {
        ReportViews.AgreementView agreement = report.agreement();
        if (agreement == null || agreement.coders().size() < 2) {
            return List.of();
        }
        List<String> coders = agreement.coders();
        // a wide matrix shows one decimal so that 30 columns fit; a small one two
        int decimals = coders.size() > 10 ? 1 : 2;
        Map<String, Map<String, Double>> byPair = new HashMap<>();
        for (ReportViews.Pair pair : agreement.pairwise()) {
            byPair.put(pair.a() + "\u0000" + pair.b(), pair.byTag());
            byPair.put(pair.b() + "\u0000" + pair.a(), pair.byTag());
        }
        List<TagMatrix> matrices = new ArrayList<>();
        for (ReportViews.TagRow tag : report.tags()) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < coders.size(); i++) {
                List<Cell> cells = new ArrayList<>();
                double sum = 0;
                int n = 0;
                for (int j = 0; j < coders.size(); j++) {
                    if (i == j) {
                        cells.add(new Cell("—", Band.NONE, true));
                        continue;
                    }
                    Double kappa = byPair.getOrDefault(coders.get(i) + "\u0000" + coders.get(j), Map.of()).get(tag.slug());
                    cells.add(cell(kappa, decimals));
                    if (kappa != null && !kappa.isNaN()) {
                        sum += kappa;
                        n++;
                    }
                }
                rows.add(new Row(i + 1, coders.get(i), report.nameOf(coders.get(i)), cells, cell(n == 0 ? null : sum / n, 2)));
            }
            matrices.add(new TagMatrix(tag.slug(), tag.name(), rows));
        }
        return matrices;
    }

    static Cell cell(Double kappa, int decimals) {
        Band band = Band.of(kappa);
        String text = band == Band.NONE ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", kappa).replace('-', '\u2212');
        return new Cell(text, band, false);
    }
}
