package org.seminar.annotator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agreement maths against published worked examples and hand-computed cases. */
class AgreementTest {

    /** Rows are coders A-D, columns units 1-12; null is a missing value. */
    private static final Integer[][] KRIPPENDORFF_2011 = {
            { 1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null },
            { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3 },
            { null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null },
            { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null } };

    private static List<List<Integer>> byUnit(Integer[][] coders) {
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < coders[0].length; u++) {
            List<Integer> unit = new ArrayList<>();
            for (Integer[] coder : coders) {
                unit.add(coder[u]);
            }
            units.add(unit);
        }
        return units;
    }

    @Test
    void krippendorffAlphaReproducesThePublishedNominalExampleWithMissingValues() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: alpha = 0.743
        assertEquals(0.743, Agreement.krippendorffAlphaNominal(byUnit(KRIPPENDORFF_2011)), 0.0005);
    }

    @Test
    void krippendorffAlphaOfTwoCodersAndBinaryValuesMatchesAHandComputation() {
        // units: (1,1) (1,0) (0,0) (0,0): o11=2, o10=o01=1, o00=4; n1=3, n0=5, n=8
        // alpha = 1 - (n-1) * (o10+o01) / (2 * n1 * n0) = 1 - 7*2/30 = 0.5333
        List<List<Integer>> units = List.of(List.of(1, 1), List.of(1, 0), List.of(0, 0), List.of(0, 0));
        assertEquals(1 - 14.0 / 30, Agreement.krippendorffAlphaNominal(units), 1e-9);
    }

    @Test
    void krippendorffAlphaIsUndefinedWithoutVariationOrPairs() {
        assertNull(Agreement.krippendorffAlphaNominal(List.of(List.of(1, 1), List.of(1, 1))));
        assertNull(Agreement.krippendorffAlphaNominal(List.of(Arrays.asList(1, null), Arrays.asList(null, 0))));
        assertEquals(1.0, Agreement.krippendorffAlphaNominal(List.of(List.of(1, 1), List.of(0, 0))), 1e-9);
    }

    @Test
    void fleissKappaReproducesTheWorkedExampleOfFourteenRaters() {
        // Fleiss (1971) layout; the 10-subject, 14-rater example widely reproduced: kappa = 0.210
        int[][] counts = { { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
                { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 } };
        assertEquals(0.210, Agreement.fleissKappa(counts), 0.0005);
    }

    @Test
    void fleissKappaIsUndefinedWhenEveryoneAlwaysAgreesOnOneCategory() {
        assertNull(Agreement.fleissKappa(new int[][] { { 3, 0 }, { 3, 0 } }));
        assertNull(Agreement.fleissKappa(new int[][] { { 1, 0 } }));
    }

    @Test
    void cohenKappaReproducesTheTextbookTwoByTwoExample() {
        // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15: po = 0.7, pe = 0.5, kappa = 0.4
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        add(a, b, 1, 1, 20);
        add(a, b, 1, 0, 5);
        add(a, b, 0, 1, 10);
        add(a, b, 0, 0, 15);
        assertEquals(0.4, Agreement.cohenKappa(a, b), 1e-9);
        assertNull(Agreement.cohenKappa(List.of(1, 1), List.of(1, 1)));
    }

    private static void add(List<Integer> a, List<Integer> b, int x, int y, int times) {
        for (int i = 0; i < times; i++) {
            a.add(x);
            b.add(y);
        }
    }

    @Test
    void readsNumbersInPlainWords() {
        assertEquals("strong agreement", Agreement.reading(0.85));
        assertEquals("no agreement beyond chance", Agreement.reading(-0.1));
        assertEquals("not defined (too few coders, or no variation)", Agreement.reading(null));
    }
}
