package org.seminar.annotator.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells apart documents that share a title (three imports of "Week 3 reading"), for the lists people
 * choose their reading from: the authors, the groups, the import date, the time, as many of these as
 * differ between them, and the id when nothing else does. A title nobody shares gets no note.
 */
public final class TitleDistinctions {

    /** What a list knows of a document. */
    public record Item(String id, String title, List<String> authors, List<String> groups, Instant importedAt) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private static final List<Function<Item, String>> FACTS = List.of(
            i -> i.authors() == null || i.authors().isEmpty() ? "" : "by " + String.join(", ", i.authors()),
            i -> i.groups() == null || i.groups().isEmpty() ? "for every group" : "for " + String.join(", ", i.groups()),
            i -> i.importedAt() == null ? "" : "imported " + DAY.format(i.importedAt().atZone(ZoneOffset.UTC)),
            i -> i.importedAt() == null ? "" : "imported " + DAY.format(i.importedAt().atZone(ZoneOffset.UTC)) + " at "
                    + TIME.format(i.importedAt().atZone(ZoneOffset.UTC)) + " UTC");

    private TitleDistinctions() {
    }

    /** A note for each document whose title another in the list shares, by id. */
    public static Map<String, String> of(List<Item> items) {
        Map<String, List<Item>> byTitle = items.stream().collect(Collectors.groupingBy(
                i -> i.title().strip().toLowerCase(Locale.ROOT), LinkedHashMap::new, Collectors.toList()));
        Map<String, String> notes = new HashMap<>();
        for (List<Item> same : byTitle.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<Function<Item, String>> chosen = new ArrayList<>();
            for (Function<Item, String> fact : FACTS) {
                if (same.stream().map(fact).distinct().count() > 1) {
                    if (fact == FACTS.get(3)) {
                        chosen.remove(FACTS.get(2)); // the time says the date too
                    }
                    chosen.add(fact);
                }
                if (unique(same, chosen)) {
                    break;
                }
            }
            boolean unique = unique(same, chosen);
            for (Item i : same) {
                String note = note(i, chosen);
                notes.put(i.id(), unique ? note : (note.isEmpty() ? "" : note + " · ") + "id " + i.id());
            }
        }
        return notes;
    }

    private static boolean unique(List<Item> same, List<Function<Item, String>> chosen) {
        Set<String> seen = new java.util.HashSet<>();
        return !chosen.isEmpty() && same.stream().allMatch(i -> seen.add(note(i, chosen)));
    }

    private static String note(Item i, List<Function<Item, String>> chosen) {
        return chosen.stream().map(f -> f.apply(i)).filter(s -> !s.isEmpty()).collect(Collectors.joining(" · "));
    }
}
