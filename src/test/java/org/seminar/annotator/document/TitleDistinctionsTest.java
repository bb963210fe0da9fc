package org.seminar.annotator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identical titles told apart by as little as differs: authors, groups, the import date, the time, the id. */
class TitleDistinctionsTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T09:15:00Z");

    @Test
    void aTitleNobodySharesGetsNoNote() {
        assertEquals(Map.of(), TitleDistinctions.of(List.of(new TitleDistinctions.Item("a", "Week 1", null, List.of(), MONDAY),
                new TitleDistinctions.Item("b", "Week 2", null, List.of(), MONDAY))));
    }

    @Test
    void groupsTellApartWhatTheyCan() {
        Map<String, String> notes = TitleDistinctions.of(List.of(
                new TitleDistinctions.Item("a", "Week 3", null, List.of("seminar-a"), MONDAY),
                new TitleDistinctions.Item("b", "week 3 ", null, List.of(), MONDAY)));
        assertEquals(Map.of("a", "for seminar-a", "b", "for every group"), notes);
    }

    @Test
    void theImportDateThenTheTimeThenTheIdWhenNothingElseDiffers() {
        Map<String, String> byDate = TitleDistinctions.of(List.of(
                new TitleDistinctions.Item("a", "Week 3", List.of("Ann Author"), List.of("seminar-a"), MONDAY),
                new TitleDistinctions.Item("b", "Week 3", List.of("Ann Author"), List.of("seminar-a"), MONDAY.plusSeconds(86400 * 7))));
        assertEquals(Map.of("a", "imported 30 Nov 2026", "b", "imported 7 Dec 2026"), byDate);
        Map<String, String> byTime = TitleDistinctions.of(List.of(
                new TitleDistinctions.Item("a", "Week 3", null, List.of("seminar-a"), MONDAY),
                new TitleDistinctions.Item("b", "Week 3", null, List.of("seminar-b"), MONDAY),
                new TitleDistinctions.Item("c", "Week 3", null, List.of("seminar-a"), MONDAY.plusSeconds(60))));
        assertEquals("for seminar-a · imported 30 Nov 2026 at 09:16:00 UTC", byTime.get("c"));
        Map<String, String> twins = TitleDistinctions.of(List.of(new TitleDistinctions.Item("a", "Week 3", null, List.of(), MONDAY),
                new TitleDistinctions.Item("b", "Week 3", null, List.of(), MONDAY)));
        assertEquals(Map.of("a", "id a", "b", "id b"), twins);
    }
}
