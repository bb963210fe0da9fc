package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.parse.InlineText;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * An admin corrects a paragraph's text (a typo of the import, a paragraph that should be two, two that should be
 * one): the text is replaced, a blank line in it splits the paragraph (the following ones are renumbered),
 * emphasis and footnote markers move with the text, the revision is kept, and the annotations are placed again by
 * {@link ParagraphCorrected}'s observers. {@link #rewrite} is the one way the text of paragraphs changes after
 * import; the review's fixes (join, split, dropping a line) go through it too.
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
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CorrectionResult", description = "The paragraphs a correction wrote, and how many annotations each re-anchored")
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
        Result result = rewrite(documentId, List.of(p), texts, actor);
        Document d = Document.findById(documentId);
        log.record(actor, "paragraph-correct", d.title + " \u00b6" + p.number, Map.of("paragraphs", texts.size(), "reanchored",
                result.reanchored()));
        return result;
    }

    /**
     * Replaces consecutive paragraphs {@code olds} (one, or one and the next when joining) by paragraphs of the
     * {@code texts} (at least one). The i-th text keeps the i-th old paragraph's id; further texts get new ids after
     * it; old paragraphs beyond the texts go, after their annotations moved into the texts. Not logged: the caller
     * says what the change was.
     */
    Result rewrite(String documentId, List<Paragraph> olds, List<String> texts, String actor) {
        List<ParagraphCorrected.Part> oldParts = new ArrayList<>();
        int at = 0;
        for (Paragraph old : olds) {
            oldParts.add(new ParagraphCorrected.Part(old.id, at, old.text));
            at += old.text.length() + 2;
        }
        String oldText = String.join("\n\n", olds.stream().map(o -> o.text).toList());
        String joined = String.join("\n\n", texts);
        TextMapping mapping = TextMapping.between(oldText, joined);
        Paragraph first = olds.get(0);
        Paragraph last = olds.get(olds.size() - 1);
        List<ParagraphCorrected.Part> parts = new ArrayList<>();
        at = 0;
        for (int i = 0; i < texts.size(); i++) {
            String id = i < olds.size() ? olds.get(i).id : Ids.next('p');
            parts.add(new ParagraphCorrected.Part(id, at, texts.get(i)));
            at += texts.get(i).length() + 2;
        }
        ParagraphCorrected event = new ParagraphCorrected(documentId, first.id, oldText, joined, parts, mapping, actor,
                new ParagraphCorrected.Counts(), oldParts);
        int more = texts.size() - olds.size();
        if (more > 0) {
            renumberAfter(documentId, last.number, more); // room for the new paragraphs
        }
        // emphasis and links move with their text; what the correction cut through is dropped
        List<List<InlineText.Mark>> marks = new ArrayList<>();
        texts.forEach(t -> marks.add(new ArrayList<>()));
        for (int o = 0; o < olds.size(); o++) {
            for (InlineText.Mark m : olds.get(o).marks == null ? List.<InlineText.Mark>of() : olds.get(o).marks) {
                int start = mapping.map(oldParts.get(o).start() + m.start());
                int end = mapping.mapEnd(oldParts.get(o).start() + m.start(), oldParts.get(o).start() + m.end());
                int index = parts.indexOf(event.partAt(start));
                ParagraphCorrected.Part part = parts.get(index);
                if (end > start && end - part.start() <= part.text().length()) {
                    marks.get(index).add(new InlineText.Mark(m.type(), start - part.start(), end - part.start(), m.href()));
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            Paragraph target = i < olds.size() ? olds.get(i) : new Paragraph();
            if (i >= olds.size()) {
                target.id = parts.get(i).paragraphId();
                target.documentId = documentId;
                target.sectionId = last.sectionId;
                target.number = last.number + i - olds.size() + 1;
                target.page = last.page;
                target.kind = last.kind;
            }
            target.text = parts.get(i).text();
            target.marks = marks.get(i);
            if (i >= olds.size()) {
                target.persist();
            }
        }
        moveFootnoteRefs(olds, oldParts, event);
        corrected.fire(event);
        em.flush();
        if (more < 0) {
            for (Paragraph gone : olds.subList(texts.size(), olds.size())) {
                em.createNativeQuery("delete from paragraph where id = :id").setParameter("id", gone.id).executeUpdate();
            }
            renumberAfter(documentId, last.number, more);
        }
        Document d = Document.findById(documentId);
        if (!d.isDraft()) {
            d.correctedAt = Instant.now(); // the reading page says the text was corrected; a draft is still being prepared
        }
        em.createNativeQuery("insert into paragraph_revision (document_id, paragraph_id, old_text, new_text, changed_by) "
                + "values (:doc, :p, :old, :new, :by)").setParameter("doc", documentId).setParameter("p", first.id)
                .setParameter("old", oldText).setParameter("new", joined).setParameter("by", actor).executeUpdate();
        Map<String, Integer> counts = Map.of("exact", event.counts().exact, "fuzzy", event.counts().fuzzy,
                "needsAttention", event.counts().needsAttention);
        return new Result(parts.stream().map(ParagraphCorrected.Part::paragraphId).toList(), counts);
    }

    /** Footnote markers go where their position went; each paragraph's markers are numbered again in text order. */
    private void moveFootnoteRefs(List<Paragraph> olds, List<ParagraphCorrected.Part> oldParts, ParagraphCorrected event) {
        List<FootnoteRef> refs = new ArrayList<>();
        for (int o = 0; o < olds.size(); o++) {
            for (FootnoteRef ref : FootnoteRef.<FootnoteRef>list("paragraphId", olds.get(o).id)) {
                int offset = event.mapping().map(oldParts.get(o).start() + ref.textOffset);
                ParagraphCorrected.Part part = event.partAt(offset);
                ref.paragraphId = part.paragraphId();
                ref.textOffset = Math.max(0, Math.min(part.text().length(), offset - part.start()));
                refs.add(ref);
            }
        }
        // (paragraph, ordinal) is unique at every moment: out of the way first, then in order
        for (int i = 0; i < refs.size(); i++) {
            refs.get(i).ordinal = -1 - i;
        }
        em.flush();
        refs.sort(Comparator.comparing((FootnoteRef r) -> r.paragraphId).thenComparingInt(r -> r.textOffset).thenComparingLong(r -> r.id));
        String paragraph = null;
        int ordinal = 0;
        for (FootnoteRef ref : refs) {
            ordinal = ref.paragraphId.equals(paragraph) ? ordinal + 1 : 0;
            paragraph = ref.paragraphId;
            ref.ordinal = ordinal;
        }
    }

    /** Moves every paragraph numbered after {@code number} by {@code by} (two steps: numbers are unique at every moment). */
    void renumberAfter(String documentId, int number, int by) {
        if (by == 0) {
            return;
        }
        em.createNativeQuery("update paragraph set number = number + 1000000 where document_id = :doc and number > :n")
                .setParameter("doc", documentId).setParameter("n", number).executeUpdate();
        em.createNativeQuery("update paragraph set number = number - 1000000 + :by where document_id = :doc and number > 1000000")
                .setParameter("doc", documentId).setParameter("by", by).executeUpdate();
    }
}
