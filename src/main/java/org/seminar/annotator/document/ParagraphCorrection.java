package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.parse.InlineText;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * An admin corrects a paragraph's text (a typo of the import, a paragraph that should be two): the
 * text is replaced, a blank line in it splits the paragraph (the following ones are renumbered),
 * emphasis and footnote markers move with the text, the revision is kept, and the annotations are
 * placed again by {@link ParagraphCorrected}'s observers.
 */
@ApplicationScoped
public class ParagraphCorrection {

    public static final int MAX_TEXT = 100_000;

    @Inject
    EntityManager em;
    @Inject
    Event<ParagraphCorrected> corrected;
    @Inject
    AdminLog log;

    /** What happened: the paragraphs the text became, and how the annotations were placed again. */
    public record Result(List<String> paragraphs, Map<String, Integer> reanchored) {
    }

    public record Correction(String text) {
    }

    @Transactional
    public Result correct(String documentId, String paragraphId, Correction correction, String actor) {
        Paragraph p = Paragraph.inDocument(documentId, paragraphId)
                .orElseThrow(() -> ProblemException.notFound("No paragraph " + paragraphId + " in document " + documentId));
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = correction == null ? null : correction.text();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("text", "is required (at most " + MAX_TEXT + " characters)"));
        } else {
            TextRules.check("text", text, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        List<String> texts = new ArrayList<>();
        for (String part : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
            String clean = part.strip().replaceAll("[ \t]*\n[ \t]*", " ");
            if (!clean.isEmpty()) {
                texts.add(clean);
            }
        }
        String joined = String.join("\n\n", texts);
        String old = p.text;
        TextMapping mapping = TextMapping.between(old, joined);
        int more = texts.size() - 1;
        if (more > 0) {
            // make room after the paragraph (two steps: numbers are unique at every moment)
            em.createNativeQuery("update paragraph set number = number + 1000000 where document_id = :doc and number > :n")
                    .setParameter("doc", documentId).setParameter("n", p.number).executeUpdate();
            em.createNativeQuery("update paragraph set number = number - 1000000 + :more where document_id = :doc and number > 1000000")
                    .setParameter("doc", documentId).setParameter("more", more).executeUpdate();
        }
        List<ParagraphCorrected.Part> parts = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < texts.size(); i++) {
            String id = i == 0 ? p.id : Ids.next('p');
            parts.add(new ParagraphCorrected.Part(id, at, texts.get(i)));
            at += texts.get(i).length() + 2;
        }
        ParagraphCorrected event = new ParagraphCorrected(documentId, p.id, old, joined, parts, mapping, actor, new ParagraphCorrected.Counts());
        // emphasis and links move with their text; what the correction cut through is dropped
        List<InlineText.Mark> marks = new ArrayList<>();
        for (InlineText.Mark m : p.marks == null ? List.<InlineText.Mark>of() : p.marks) {
            int start = mapping.map(m.start());
            int end = mapping.mapEnd(m.start(), m.end());
            ParagraphCorrected.Part part = event.partAt(start);
            if (part == parts.get(0) && end > start && end <= part.text().length()) {
                marks.add(new InlineText.Mark(m.type(), start, end, m.href()));
            }
        }
        p.text = texts.get(0);
        p.marks = marks;
        for (int i = 1; i < parts.size(); i++) {
            Paragraph np = new Paragraph();
            np.id = parts.get(i).paragraphId();
            np.documentId = documentId;
            np.sectionId = p.sectionId;
            np.number = p.number + i;
            np.page = p.page;
            np.text = parts.get(i).text();
            np.marks = List.of();
            np.persist();
        }
        for (FootnoteRef ref : FootnoteRef.<FootnoteRef>list("paragraphId", p.id)) {
            int offset = mapping.map(ref.textOffset);
            ParagraphCorrected.Part part = event.partAt(offset);
            ref.paragraphId = part.paragraphId();
            ref.textOffset = Math.max(0, Math.min(part.text().length(), offset - part.start()));
        }
        em.flush();
        Document d = Document.findById(documentId);
        d.correctedAt = Instant.now();
        em.createNativeQuery("insert into paragraph_revision (document_id, paragraph_id, old_text, new_text, changed_by) "
                + "values (:doc, :p, :old, :new, :by)").setParameter("doc", documentId).setParameter("p", p.id).setParameter("old", old)
                .setParameter("new", joined).setParameter("by", actor).executeUpdate();
        corrected.fire(event);
        Map<String, Integer> counts = Map.of("exact", event.counts().exact, "fuzzy", event.counts().fuzzy,
                "needsAttention", event.counts().needsAttention);
        log.record(actor, "paragraph-correct", d.title + " ¶" + p.number, Map.of("paragraphs", parts.size(), "reanchored", counts));
        return new Result(parts.stream().map(ParagraphCorrected.Part::paragraphId).toList(), counts);
    }
}
