package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * The teacher's check of an import before the groups read it: what was found (front matter, headings, every block
 * with its page and kind, footnotes, what was dropped and why), the front matter corrected, and publishing, which
 * opens a draft to the groups it is assigned to. For admins; the fixes of the text are {@link StructureFixes} and
 * {@link LineDrops}.
 */
@ApplicationScoped
public class ImportReview {

    static final int MAX_TITLE = 300;
    static final int MAX_AUTHORS = 50;
    static final int MAX_AUTHOR = 200;

    @Inject
    EntityManager em;
    @Inject
    AdminLog log;

    /** What the review page and its JSON twin show. */
    public record Review(String id, String title, List<String> authors,
            @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText, List<String> keywords, String status,
            String sourceKind, Integer pages, int paragraphCount, int footnoteCount, long annotationCount, List<ReviewSection> sections,
            List<ReviewFootnote> footnotes, List<DroppedGroup> dropped) {

        public boolean draft() {
            return Document.DRAFT.equals(status);
        }

        /** The pages 1..n, for the page images. */
        public List<Integer> pageNumbers() {
            return pages == null ? List.of() : java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList();
        }

        public List<String> headings() {
            return sections.stream().map(ReviewSection::heading).filter(h -> h != null).toList();
        }

        /** "9 paragraphs, 1 footnote, 0 lines dropped, 2 pages", as the page says it. */
        public String countsLine() {
            List<String> parts = new ArrayList<>(List.of(count(paragraphCount, "paragraph"), count(footnoteCount, "footnote"),
                    count(droppedCount(), "line") + " dropped"));
            if (pages != null) {
                parts.add(count(pages, "page"));
            }
            if (annotationCount > 0) {
                parts.add(count(annotationCount, "annotation"));
            }
            return String.join(", ", parts);
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        public int droppedCount() {
            return dropped.stream().mapToInt(g -> g.lines().stream().mapToInt(l -> l.pages().isEmpty() ? 1 : l.pages().size()).sum()).sum();
        }
    }

    public record ReviewSection(String id, int position, String heading, List<Block> blocks) {
    }

    /** A block of the body; {@code last}: no paragraph follows it (nothing to join it with). */
    public record Block(String id, int number, Integer page, String kind, String text, boolean last) {
        /** Short enough to be a stray running head or footer, offered to be dropped everywhere in one click. */
        public boolean lineLike() {
            return text.length() <= 100;
        }

        /** Short enough to become a heading. */
        public boolean headingLike() {
            return text.length() <= StructureFixes.MAX_HEADING;
        }
    }

    public record ReviewFootnote(String id, String label, String text) {
    }

    /** Dropped lines of one reason; the same text on several pages is one line with its pages. */
    public record DroppedGroup(String reason, String label, List<DroppedText> lines) {
    }

    public record DroppedText(String text, List<Integer> pages) {
        /** "pp. 1-3, 7", "p. 2", or "" when the source had no pages. */
        public String pagesLabel() {
            if (pages.isEmpty()) {
                return "";
            }
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                int j = i;
                while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                    j++;
                }
                runs.add(i == j ? String.valueOf(pages.get(i)) : pages.get(i) + "\u2013" + pages.get(j));
                i = j;
            }
            return (pages.size() == 1 ? "p. " : "pp. ") + String.join(", ", runs);
        }
    }

    /** Reasons in the order the page lists them, with their names. */
    static final Map<String, String> REASONS = new LinkedHashMap<>();
    static {
        REASONS.put("running-head", "Running heads and footers");
        REASONS.put("page-number", "Page numbers");
        REASONS.put("pull-quote", "Pull quotes");
        REASONS.put("margin-note", "Margin notes");
        REASONS.put("other", "Other");
    }

    @Transactional
    public Review review(String documentId) {
        Document d = StructureFixes.document(documentId);
        List<Paragraph> paragraphs = Paragraph.ofDocument(documentId);
        int lastNumber = paragraphs.isEmpty() ? 0 : paragraphs.get(paragraphs.size() - 1).number;
        Map<String, List<Block>> blocks = new LinkedHashMap<>();
        for (Paragraph p : paragraphs) {
            blocks.computeIfAbsent(p.sectionId, k -> new ArrayList<>())
                    .add(new Block(p.id, p.number, p.page, p.kind, p.text, p.number == lastNumber));
        }
        List<ReviewSection> sections = Section.ofDocument(documentId).stream()
                .map(s -> new ReviewSection(s.id, s.position, s.heading, blocks.getOrDefault(s.id, List.of()))).toList();
        List<ReviewFootnote> notes = Footnote.ofDocument(documentId).stream().map(n -> new ReviewFootnote(n.id, n.label, n.text)).toList();
        Map<String, Map<String, TreeSet<Integer>>> byReason = new LinkedHashMap<>();
        REASONS.keySet().forEach(r -> byReason.put(r, new LinkedHashMap<>()));
        for (DroppedLine line : DroppedLine.ofDocument(documentId)) {
            TreeSet<Integer> pages = byReason.computeIfAbsent(line.reason, r -> new LinkedHashMap<>())
                    .computeIfAbsent(line.text, t -> new TreeSet<>());
            if (line.page != null) {
                pages.add(line.page);
            }
        }
        List<DroppedGroup> dropped = byReason.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new DroppedGroup(e.getKey(), REASONS.getOrDefault(e.getKey(), e.getKey()), e.getValue().entrySet().stream()
                        .map(t -> new DroppedText(t.getKey(), List.copyOf(t.getValue()))).toList()))
                .collect(Collectors.toList());
        long annotations = ((Number) em.createNativeQuery("select count(*) from annotation where document_id = :doc")
                .setParameter("doc", documentId).getSingleResult()).longValue();
        return new Review(d.id, d.title, d.authors, d.abstractText, d.keywords, d.status, d.sourceKind,
                DocumentPdf.pagesOf(documentId).orElse(null), paragraphs.size(), notes.size(), annotations, sections, notes, dropped);
    }

    /** The front matter the import found, corrected: title and authors (absent fields stay). */
    public record FrontMatter(String title, List<String> authors) {
    }

    @Transactional
    public StructureFixes.Fixed frontMatter(String documentId, FrontMatter change, String actor) {
        Document d = StructureFixes.document(documentId);
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String title = null;
        if (change.title() != null) {
            title = change.title().strip().replaceAll("\\s+", " ");
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                errors.add(new Problem.FieldError("title", "is required (at most " + MAX_TITLE + " characters)"));
            } else {
                TextRules.check("title", title, errors);
            }
        }
        List<String> authors = null;
        if (change.authors() != null) {
            authors = new ArrayList<>();
            if (change.authors().size() > MAX_AUTHORS) {
                errors.add(new Problem.FieldError("authors", "at most " + MAX_AUTHORS + " authors"));
            }
            for (int i = 0; i < change.authors().size() && i < MAX_AUTHORS; i++) {
                String name = change.authors().get(i) == null ? "" : change.authors().get(i).strip().replaceAll("\\s+", " ");
                if (name.isEmpty() || name.length() > MAX_AUTHOR) {
                    errors.add(new Problem.FieldError("authors[" + i + "]", "must be a name (at most " + MAX_AUTHOR + " characters)"));
                } else if (!TextRules.check("authors[" + i + "]", name, errors)) {
                    authors.add(name);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (title != null && !title.equals(d.title)) {
            details.put("title", Map.of("from", d.title, "to", title));
            d.title = title;
        }
        if (authors != null && !authors.equals(d.authors)) {
            details.put("authors", authors);
            d.authors = authors;
        }
        if (!details.isEmpty()) {
            log.record(actor, "document-front-matter", d.title, details);
        }
        return new StructureFixes.Fixed(details.isEmpty() ? "Nothing changed." : "Saved the title and authors.", List.of(),
                StructureFixes.NONE_MOVED);
    }

    /** A draft becomes published: the groups it is assigned to (or every group) can read and annotate it. */
    @Transactional
    public StructureFixes.Fixed publish(String documentId, String actor) {
        Document d = StructureFixes.document(documentId);
        if (!d.isDraft()) {
            throw new ProblemException(409, "Conflict", "\u201c" + d.title + "\u201d is published already",
                    List.of(new Problem.FieldError("status", "is published already")));
        }
        d.status = Document.PUBLISHED;
        d.publishedAt = Instant.now();
        log.record(actor, "document-publish", d.title, Map.of());
        return new StructureFixes.Fixed("Published \u201c" + d.title + "\u201d: the groups can read it now.", List.of(),
                StructureFixes.NONE_MOVED);
    }
}
