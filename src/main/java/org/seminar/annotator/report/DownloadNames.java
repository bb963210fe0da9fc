package org.seminar.annotator.report;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * File names of downloads, built for people: the document's title in two words, the group, the
 * kind and the date, e.g. {@code belarus-non-alignment_seminar-a_annotations_2026-11-28.qdpx}.
 * Only ASCII letters, digits and hyphens, so every system and mail program keeps the name.
 */
public final class DownloadNames {

    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "the", "of", "in", "on", "for", "to", "between", "with",
            "from", "by", "at", "or");

    private DownloadNames() {
    }

    /** The name of a download of a document for a group (null: all groups) of the given kind and extension. */
    public static String of(String title, String group, String kind, String extension) {
        return of(title, group, kind, "", extension);
    }

    /** The same with a variant after the date ({@code -excel}). */
    public static String of(String title, String group, String kind, String variant, String extension) {
        return of(title, group, null, null, kind, variant, extension, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The name of a filtered download: the reviewer and tag it is limited to follow the group
     * ({@code belarus-non-alignment_seminar-a_by-reviewer2_tag-neutrality_annotations_2026-12-06.csv}), so that
     * one reviewer's file never carries the group file's name.
     */
    public static String of(String title, String group, String author, String tag, String kind, String variant, String extension,
            LocalDate date) {
        return slug(title, 2) + "_" + (group == null || group.isBlank() ? "all-groups" : slug(group, 6))
                + (author == null || author.isBlank() ? "" : "_by-" + slug(author, 6))
                + (tag == null || tag.isBlank() ? "" : "_tag-" + slug(tag, 6)) + "_" + kind + "_" + date + variant + "." + extension;
    }

    /** The first {@code words} words that are not small words, lower case, ASCII, joined by hyphens. */
    static String slug(String text, int words) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = Arrays.stream(ascii.split("[^a-z0-9-]+")).map(w -> w.replaceAll("^-+|-+$", ""))
                .filter(w -> !w.isEmpty() && !SMALL_WORDS.contains(w)).limit(words).collect(Collectors.joining("-"));
        return slug.isEmpty() ? "document" : slug;
    }
}
