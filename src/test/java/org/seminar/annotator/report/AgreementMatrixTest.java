package org.seminar.annotator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agreement matrix from "who applied which tag where", worked by hand, with no database. */
class AgreementMatrixTest {

    static final List<AgreementMatrix.Unit> FOUR_PARAGRAPHS = List.of(new AgreementMatrix.Unit("p1", 1), new AgreementMatrix.Unit("p2", 2),
            new AgreementMatrix.Unit("p3", 3), new AgreementMatrix.Unit("p4", 4));

    static AgreementMatrix.Applied applied(String coder, String paragraph) {
        return new AgreementMatrix.Applied(coder, paragraph, "neutrality");
    }

    @Test
    void twoCodersWhoAgreeOnHalfTheParagraphsByChanceHaveKappaZeroAndAlphaOneEighth() {
        // A tags p1 and p2, B tags p1 and p3: observed agreement 2/4, chance agreement 1/2 -> κ = 0;
        // coincidences o11 = 2, o00 = 2, o01 = o10 = 2 (n = 8): Do = 4/8, De = 32/56 -> α = 1 - 0.875 = 0.125
        Set<AgreementMatrix.Applied> facts = Set.of(applied("ann", "p1"), applied("ann", "p2"), applied("bob", "p1"), applied("bob", "p3"));
        ReportViews.AgreementView view = AgreementMatrix.compute(FOUR_PARAGRAPHS, List.of("neutrality"), facts, List.of(),
                new java.util.TreeSet<>(Set.of("ann", "bob")));
        assertEquals(List.of("ann", "bob"), view.coders());
        assertEquals(0.125, view.byTag().get("neutrality").krippendorffAlpha(), 1e-4);
        assertEquals(0.0, view.byTag().get("neutrality").fleissKappa(), 1e-4);
        assertEquals(0.0, view.pairwise().get(0).byTag().get("neutrality"), 1e-4);
        assertEquals(List.of(2, 3), view.splits().stream().map(ReportViews.Split::number).toList(), "the split paragraphs, in order");
        assertEquals(1, view.splits().get(0).applied());
    }

    @Test
    void finishedReviewersAreTheCodersAndOneCoderGivesNoFigures() {
        Set<AgreementMatrix.Applied> facts = Set.of(applied("ann", "p1"), applied("bob", "p1"), applied("cid", "p2"));
        ReportViews.AgreementView view = AgreementMatrix.compute(FOUR_PARAGRAPHS, List.of("neutrality"), facts, List.of("cid"),
                Set.of("ann", "bob", "cid"));
        assertEquals(List.of("cid"), view.coders());
        assertEquals("reviewers who marked the document finished", view.codersAre());
        assertNull(view.byTag().get("neutrality").krippendorffAlpha(), "agreement needs two coders");
        assertEquals(List.of(), view.pairwise());
        assertEquals(List.of(), view.splits());
    }

    @Test
    void perfectAgreementIsOne() {
        Set<AgreementMatrix.Applied> facts = Set.of(applied("ann", "p1"), applied("bob", "p1"), applied("ann", "p4"), applied("bob", "p4"));
        ReportViews.AgreementView view = AgreementMatrix.compute(FOUR_PARAGRAPHS, List.of("neutrality"), facts, List.of("ann", "bob"), Set.of());
        assertEquals(1.0, view.byTag().get("neutrality").krippendorffAlpha(), 1e-9);
        assertEquals(1.0, view.byTag().get("neutrality").fleissKappa(), 1e-9);
        assertEquals(List.of(), view.splits());
    }
}
