package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * The review's one-click fixes of a document's structure, for admins: join a paragraph with the next, split one,
 * make a paragraph a heading, make a heading a paragraph again (its section joins the one before). Text changes go
 * through {@link ParagraphCorrection#rewrite}, so annotations made after publishing are placed again; a fix that
 * would take annotated text out of the body is refused (409) and changes nothing. Each fix is in the admin log.
 */
@ApplicationScoped
public class StructureFixes {

    /** Longest heading a paragraph can become. */
    static final int MAX_HEADING = 300;

    @Inject
    EntityManager em;
    @Inject
    ParagraphCorrection corrections;
    @Inject
    AdminLog log;

    /** What a fix did, in words for the page's message, with the paragraphs it left and how annotations were placed. */
    public record Fixed(String message, List<String> paragraphs, Map<String, Integer> reanchored) {
    }

    static final Map<String, Integer> NONE_MOVED = Map.of("exact", 0, "fuzzy", 0, "needsAttention", 0);

    @Transactional
    public Fixed join(String documentId, String paragraphId, String actor) {
        Document d = document(documentId);
        Paragraph p = paragraph(documentId, paragraphId);
        Paragraph next = Paragraph.<Paragraph>find("documentId = ?1 and number = ?2", documentId, p.number + 1).firstResultOptional()
                .orElseThrow(() -> ProblemException.badField("paragraphId", "is the last paragraph: there is no next one to join it with"));
        int number = p.number;
        ParagraphCorrection.Result result = corrections.rewrite(documentId, List.of(p, next), List.of(p.text + " " + next.text), actor);
        log.record(actor, "paragraph-join", d.title + " \u00b6" + number, Map.of("reanchored", result.reanchored()));
        return new Fixed("Joined \u00b6" + number + " with the paragraph after it.", result.paragraphs(), result.reanchored());
    }

    /** Splits a paragraph before {@code offset} (UTF-16 units of its text); both halves must keep some text. */
    @Transactional
    public Fixed split(String documentId, String paragraphId, Integer offset, String field, String actor) {
        Document d = document(documentId);
        Paragraph p = paragraph(documentId, paragraphId);
        if (offset == null || offset <= 0 || offset >= p.text.length()) {
            throw ProblemException.badField(field, "must fall inside the paragraph's text (1 to " + (p.text.length() - 1) + ")");
        }
        String before = p.text.substring(0, offset).strip();
        String after = p.text.substring(offset).strip();
        if (before.isEmpty() || after.isEmpty()) {
            throw ProblemException.badField(field, "must leave text on both sides of the split");
        }
        ParagraphCorrection.Result result = corrections.rewrite(documentId, List.of(p), List.of(before, after), actor);
        log.record(actor, "paragraph-split", d.title + " \u00b6" + p.number, Map.of("reanchored", result.reanchored()));
        return new Fixed("Split \u00b6" + p.number + " in two.", result.paragraphs(), result.reanchored());
    }

    /** Splits a paragraph before the first place its text has {@code words} (what the review page's form sends). */
    @Transactional
    public Fixed splitBefore(String documentId, String paragraphId, String words, String actor) {
        Paragraph p = paragraph(documentId, paragraphId);
        String phrase = words == null ? "" : words.strip();
        int at = phrase.isEmpty() ? -1 : p.text.indexOf(phrase);
        if (at < 0) {
            throw ProblemException.badField("before", phrase.isEmpty() ? "is required: the words the new paragraph starts with"
                    : "\u201c" + phrase + "\u201d is not in \u00b6" + p.number);
        }
        if (at == 0) {
            at = p.text.indexOf(phrase, 1);
            if (at < 0) {
                throw ProblemException.badField("before", "\u00b6" + p.number + " already starts with \u201c" + phrase + "\u201d");
            }
        }
        return split(documentId, paragraphId, at, "before", actor);
    }

    /** The paragraph becomes the heading of a new section holding the paragraphs after it in its section. */
    @Transactional
    public Fixed toHeading(String documentId, String paragraphId, String actor) {
        Document d = document(documentId);
        Paragraph p = paragraph(documentId, paragraphId);
        if (p.text.length() > MAX_HEADING) {
            throw ProblemException.badField("paragraphId", "is too long for a heading (at most " + MAX_HEADING + " characters)");
        }
        requireUnannotated(p, "make it a heading");
        Section section = Section.findById(p.sectionId);
        em.createNativeQuery("update section set position = position + 1000000 where document_id = :doc and position > :pos")
                .setParameter("doc", documentId).setParameter("pos", section.position).executeUpdate();
        em.createNativeQuery("update section set position = position - 999999 where document_id = :doc and position > 1000000")
                .setParameter("doc", documentId).executeUpdate();
        Section heading = new Section();
        heading.id = Ids.next('s');
        heading.documentId = documentId;
        heading.position = section.position + 1;
        heading.heading = p.text;
        heading.persist();
        em.flush();
        em.createNativeQuery("update paragraph set section_id = :to where section_id = :from and number > :n")
                .setParameter("to", heading.id).setParameter("from", section.id).setParameter("n", p.number).executeUpdate();
        removeParagraph(p);
        log.record(actor, "paragraph-to-heading", d.title + " \u00b6" + p.number, Map.of("heading", p.text));
        return new Fixed("\u00b6" + p.number + " is now the heading \u201c" + p.text + "\u201d.", List.of(), NONE_MOVED);
    }

    /** The section's heading becomes its first paragraph, and the section joins the one before it (if any). */
    @Transactional
    public Fixed toParagraph(String documentId, String sectionId, String actor) {
        Document d = document(documentId);
        Section section = Section.<Section>find("id = ?1 and documentId = ?2", sectionId, documentId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No section " + sectionId + " in document " + documentId));
        if (section.heading == null || section.heading.isBlank()) {
            throw ProblemException.badField("sectionId", "has no heading to make a paragraph of");
        }
        Section previous = Section.<Section>find("documentId = ?1 and position < ?2 order by position desc", documentId, section.position)
                .firstResult();
        Number before = (Number) em.createNativeQuery("select coalesce(max(p.number), 0) from paragraph p join section s on s.id = p.section_id"
                + " where p.document_id = :doc and s.position < :pos").setParameter("doc", documentId).setParameter("pos", section.position)
                .getSingleResult();
        Paragraph first = Paragraph.<Paragraph>find("sectionId = ?1 order by number", section.id).firstResult();
        corrections.renumberAfter(documentId, before.intValue(), 1);
        Paragraph p = new Paragraph();
        p.id = Ids.next('p');
        p.documentId = documentId;
        p.sectionId = previous == null ? section.id : previous.id;
        p.number = before.intValue() + 1;
        p.page = first == null ? null : first.page;
        p.text = section.heading;
        p.marks = List.of();
        p.persist();
        String heading = section.heading;
        if (previous == null) {
            section.heading = null;
        } else {
            em.flush();
            em.createNativeQuery("update paragraph set section_id = :to where section_id = :from").setParameter("to", previous.id)
                    .setParameter("from", section.id).executeUpdate();
            em.createNativeQuery("delete from section where id = :id").setParameter("id", section.id).executeUpdate();
        }
        markCorrected(documentId);
        log.record(actor, "heading-to-paragraph", d.title, Map.of("heading", heading));
        return new Fixed("The heading \u201c" + heading + "\u201d is now \u00b6" + p.number + ".", List.of(p.id), NONE_MOVED);
    }

    /**
     * Removes a paragraph from the body (a running head, a page number, a stray line of an import). One without
     * annotations simply goes. Annotations are never dropped with it: unless {@code confirmed}, a paragraph that carries
     * any is refused (409 saying how many and what would happen). Confirmed, its text is taken out through
     * {@link ParagraphCorrection#rewrite} together with the paragraph before it (after it, for the first paragraph), so
     * its annotations are placed again as by any correction: on the same words in that paragraph when they are there,
     * otherwise kept there as "needs attention" (quote, tags, comment and replies intact) for their authors to place again.
     */
    @Transactional
    public Fixed remove(String documentId, String paragraphId, boolean confirmed, String actor) {
        Document d = document(documentId);
        Paragraph p = paragraph(documentId, paragraphId);
        Paragraph before = Paragraph.<Paragraph>find("documentId = ?1 and number = ?2", documentId, p.number - 1).firstResult();
        Paragraph after = Paragraph.<Paragraph>find("documentId = ?1 and number = ?2", documentId, p.number + 1).firstResult();
        if (before == null && after == null) {
            throw ProblemException.badField("paragraphId", "is the document's only paragraph: correct its text instead");
        }
        long annotations = annotationsOn(p);
        String keptIn = "\u00b6" + (before != null ? before.number : p.number);
        String excerpt = p.text.length() > 80 ? p.text.substring(0, 79) + "\u2026" : p.text;
        int number = p.number;
        Map<String, Integer> moved = NONE_MOVED;
        if (annotations == 0) {
            em.createNativeQuery("insert into paragraph_revision (document_id, paragraph_id, old_text, new_text, changed_by) "
                    + "values (:doc, :p, :old, '', :by)").setParameter("doc", documentId).setParameter("p", p.id)
                    .setParameter("old", p.text).setParameter("by", actor).executeUpdate();
            removeParagraph(p);
        } else if (!confirmed) {
            String message = "\u00b6" + number + " carries " + annotations + (annotations == 1 ? " annotation" : " annotations")
                    + ". Removing it keeps " + (annotations == 1 ? "it" : "them") + ": " + (annotations == 1 ? "it moves" : "they move") + " to "
                    + keptIn + (before != null ? "" : " (the paragraph after it, which takes its number)")
                    + ", on the same words if they are there, otherwise marked \u201cneeds attention\u201d with quote, tags, comments and"
                    + " replies kept. Confirm to remove it.";
            throw new ProblemException(409, "Conflict", message, List.of(new Problem.FieldError("confirm", message)));
        } else {
            List<?> ids = em.createNativeQuery("select id from annotation where paragraph_id = :p").setParameter("p", p.id).getResultList();
            List<Paragraph> olds = before != null ? List.of(before, p) : List.of(p, after);
            Paragraph stays = before != null ? before : after;
            corrections.rewrite(documentId, olds, List.of(stays.text), actor);
            em.flush();
            int attention = ((Number) em.createNativeQuery("select count(*) from annotation where id in (:ids) and anchor = 'needs-attention'")
                    .setParameter("ids", ids).getSingleResult()).intValue();
            moved = Map.of("exact", ids.size() - attention, "fuzzy", 0, "needsAttention", attention);
        }
        log.record(actor, "paragraph-remove", d.title + " \u00b6" + number, Map.of("text", excerpt, "annotations", annotations,
                "keptIn", keptIn, "reanchored", moved));
        return new Fixed("Removed \u00b6" + number + (annotations == 0 ? "." : "; its " + annotations
                + (annotations == 1 ? " annotation is" : " annotations are") + " kept in " + keptIn + " (" + moved.get("exact")
                + " on the same words there, " + moved.get("needsAttention") + " marked \u201cneeds attention\u201d)."),
                List.of(), moved);
    }

    private long annotationsOn(Paragraph p) {
        return ((Number) em.createNativeQuery("select count(*) from annotation where paragraph_id = :p")
                .setParameter("p", p.id).getSingleResult()).longValue();
    }

    /** Takes a paragraph out of the body: its markers go with it, the paragraphs after it move up one number. */
    void removeParagraph(Paragraph p) {
        markCorrected(p.documentId);
        em.flush();
        em.createNativeQuery("delete from paragraph where id = :id").setParameter("id", p.id).executeUpdate();
        corrections.renumberAfter(p.documentId, p.number, -1);
    }

    /** A published document's reading page says its text was corrected (a draft is still being prepared). */
    static void markCorrected(String documentId) {
        Document d = Document.findById(documentId);
        if (!d.isDraft()) {
            d.correctedAt = java.time.Instant.now();
        }
    }

    /** 409 when annotations sit on the paragraph: taking it out of the body would take them with it. */
    void requireUnannotated(Paragraph p, String what) {
        long annotations = annotationsOn(p);
        if (annotations > 0) {
            String message = "\u00b6" + p.number + " has " + annotations + (annotations == 1 ? " annotation" : " annotations")
                    + "; to " + what + " would remove them. Correct its text instead.";
            throw new ProblemException(409, "Conflict", message, List.of(new Problem.FieldError("paragraphId", message)));
        }
    }

    static Document document(String documentId) {
        return Document.<Document>findByIdOptional(documentId).orElseThrow(() -> ProblemException.notFound("No document with id " + documentId));
    }

    static Paragraph paragraph(String documentId, String paragraphId) {
        return Paragraph.inDocument(documentId, paragraphId)
                .orElseThrow(() -> ProblemException.notFound("No paragraph " + paragraphId + " in document " + documentId));
    }
}
