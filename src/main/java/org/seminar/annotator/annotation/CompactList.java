package org.seminar.annotator.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.tag.TagService;

/**
 * The reading page's annotation list: what the page shows of every annotation the reader may see,
 * and nothing it can work out itself. The passage is not sent (the page has the text and cuts it
 * out by the offsets); people, paragraphs and tags are written once and referred to by position;
 * each annotation is one row of plain values named by {@link #FIELDS}. Comments come as an excerpt
 * for the list; a card fetches the full annotation (comment, replies, group, times) when it opens.
 * The full shape stays at {@code GET /api/documents/{id}/annotations} for scripts and exports.
 *
 * @param fields      what each value of a row is, in order
 * @param tags        the codebook (and any tag used but no longer in it), referred to by position
 * @param authors     the people who wrote the annotations, as their annotations name them
 * @param paragraphs  the paragraph ids the rows refer to by position
 * @param annotations one row per annotation, in reading order (paragraph, then position)
 */
public record CompactList(List<String> fields, List<TagService.TagView> tags, List<Person> authors, List<String> paragraphs,
        List<Object[]> annotations) {

    /** Characters of a comment the list shows. */
    public static final int EXCERPT = 100;
    public static final List<String> FIELDS = List.of("id", "paragraph", "start", "end", "tags", "author", "replies", "flags", "excerpt");
    /** Bits of the {@code flags} value. */
    public static final int HIDDEN = 1;
    public static final int WITHDRAWN = 2;
    /** Not placed in the corrected text: its author or an admin places it again. */
    public static final int NEEDS_ATTENTION = 4;
    /** Placed by a fuzzy match after a correction. */
    public static final int FUZZY = 8;

    public record Person(String username, String name) {
    }

    static CompactList of(List<Rows.Row> rows, List<TagService.TagView> codebook) {
        List<TagService.TagView> tags = new ArrayList<>(codebook);
        Map<String, Integer> tagIndex = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            tagIndex.put(tags.get(i).slug(), i);
        }
        Map<Person, Integer> people = new LinkedHashMap<>();
        Map<String, Integer> paragraphs = new LinkedHashMap<>();
        List<Object[]> annotations = new ArrayList<>(rows.size());
        for (Rows.Row row : rows) {
            String tagList = row.get("tags", String.class);
            String[] slugs = tagList == null || tagList.isEmpty() ? new String[0] : tagList.split(",");
            int[] tagRefs = new int[slugs.length];
            for (int i = 0; i < slugs.length; i++) {
                tagRefs[i] = tagIndex.computeIfAbsent(slugs[i], slug -> {
                    // used, but gone from the codebook: shown by its slug, never lost from the list
                    tags.add(new TagService.TagView(slug, slug, "#777777", null, true, 0));
                    return tags.size() - 1;
                });
            }
            Person author = new Person(row.get("author", String.class), row.get("author_name", String.class));
            String anchor = row.get("anchor", String.class);
            int flags = (Boolean.TRUE.equals(row.get("hidden")) ? HIDDEN : 0) | (Boolean.TRUE.equals(row.get("withdrawn")) ? WITHDRAWN : 0)
                    | (Reanchoring.NEEDS_ATTENTION.equals(anchor) ? NEEDS_ATTENTION : 0) | (Reanchoring.FUZZY.equals(anchor) ? FUZZY : 0);
            annotations.add(new Object[] {row.get("id", String.class),
                    paragraphs.computeIfAbsent(row.get("paragraph_id", String.class), k -> paragraphs.size()),
                    row.get("start_offset", Number.class).intValue(), row.get("end_offset", Number.class).intValue(), tagRefs,
                    people.computeIfAbsent(author, k -> people.size()), row.get("replies", Number.class).intValue(), flags,
                    row.get("excerpt", String.class)});
        }
        return new CompactList(FIELDS, tags, List.copyOf(people.keySet()), List.copyOf(paragraphs.keySet()), annotations);
    }
}
