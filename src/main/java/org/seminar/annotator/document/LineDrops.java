package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.document.parse.InlineText;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * The review's fixes that take text out of the body, for admins: "this line is a running head: drop it everywhere"
 * (cut from every paragraph that has it, a paragraph that is only that line removed, each cut recorded as a dropped
 * line), and "this block is a footnote" (moved to the footnotes). Cuts inside annotated paragraphs go through
 * {@link ParagraphCorrection#rewrite}; removing an annotated paragraph is refused (409) before anything changes.
 */
@ApplicationScoped
public class LineDrops {

    /** Longest line that can be dropped everywhere: a running head or a footer, not a paragraph. */
    static final int MAX_LINE = 300;
    /** A footnote's printed label at the start of a block: a number or one of the classic marks, then a space. */
    private static final Pattern LABEL = Pattern.compile("^(\\d{1,3}|[*\u2020\u2021\u00a7])[.)]?\\s+(?=\\S)");

    @Inject
    EntityManager em;
    @Inject
    ParagraphCorrection corrections;
    @Inject
    StructureFixes fixes;
    @Inject
    AdminLog log;

    @Transactional
    public StructureFixes.Fixed dropEverywhere(String documentId, String line, String actor) {
        Document d = StructureFixes.document(documentId);
        String text = line == null ? "" : line.strip().replaceAll("\\s+", " ");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (text.isEmpty() || text.length() > MAX_LINE) {
            errors.add(new Problem.FieldError("text", "is required: the line to drop (at most " + MAX_LINE + " characters)"));
        } else {
            TextRules.check("text", text, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        List<Paragraph> having = Paragraph.<Paragraph>list("documentId = ?1 and text like ?2 order by number", documentId,
                "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").stream()
                .filter(p -> p.text.contains(text)).toList();
        if (having.isEmpty()) {
            throw ProblemException.badField("text", "\u201c" + text + "\u201d is in no paragraph of the document");
        }
        List<Paragraph> whole = new ArrayList<>();
        Map<Paragraph, String> cut = new LinkedHashMap<>();
        for (Paragraph p : having) {
            String rest = without(p.text, text);
            if (rest.isEmpty()) {
                whole.add(p);
            } else {
                cut.put(p, rest);
            }
        }
        for (Paragraph p : whole) {
            fixes.requireUnannotated(p, "drop it");
        }
        Map<String, Integer> reanchored = new LinkedHashMap<>(StructureFixes.NONE_MOVED);
        int occurrences = 0;
        for (Map.Entry<Paragraph, String> e : cut.entrySet()) {
            occurrences += count(e.getKey().text, text);
            for (int i = 0; i < count(e.getKey().text, text); i++) {
                DroppedLine.record(documentId, "running-head", e.getKey().page, text);
            }
            corrections.rewrite(documentId, List.of(e.getKey()), List.of(e.getValue()), actor).reanchored()
                    .forEach((k, v) -> reanchored.merge(k, v, Integer::sum));
        }
        List<Paragraph> descending = new ArrayList<>(whole);
        descending.sort(Comparator.comparingInt((Paragraph p) -> p.number).reversed());
        for (Paragraph p : descending) {
            DroppedLine.record(documentId, "running-head", p.page, text);
            fixes.removeParagraph(p);
        }
        occurrences += whole.size();
        log.record(actor, "running-head-drop", d.title, Map.of("line", text, "cut", occurrences, "paragraphsRemoved", whole.size()));
        return new StructureFixes.Fixed("Dropped \u201c" + text + "\u201d everywhere: " + occurrences + (occurrences == 1 ? " time" : " times")
                + (whole.isEmpty() ? "" : ", " + whole.size() + (whole.size() == 1 ? " paragraph" : " paragraphs") + " removed") + ".",
                cut.keySet().stream().map(p -> p.id).toList(), reanchored);
    }

    /** The paragraph becomes the document's last footnote; a printed label at its start ("12 ...") becomes its label. */
    @Transactional
    public StructureFixes.Fixed toFootnote(String documentId, String paragraphId, String actor) {
        Document d = StructureFixes.document(documentId);
        Paragraph p = StructureFixes.paragraph(documentId, paragraphId);
        fixes.requireUnannotated(p, "move it to the footnotes");
        List<Footnote> notes = Footnote.ofDocument(documentId);
        Matcher m = LABEL.matcher(p.text);
        String label = m.find() ? m.group(1) : null;
        int cutAt = label == null ? 0 : m.end();
        if (label == null || notes.stream().anyMatch(n -> n.label.equals(m.group(1)))) {
            int n = notes.size() + 1;
            while (notes.stream().map(x -> x.label).toList().contains(String.valueOf(n))) {
                n++;
            }
            label = String.valueOf(n);
        }
        Footnote note = new Footnote();
        note.id = Ids.next('n');
        note.documentId = documentId;
        note.number = notes.stream().mapToInt(x -> x.number).max().orElse(0) + 1;
        note.label = label;
        note.text = p.text.substring(cutAt);
        note.marks = (p.marks == null ? List.<InlineText.Mark>of() : p.marks).stream().filter(x -> x.start() >= cutAt)
                .map(x -> new InlineText.Mark(x.type(), x.start() - cutAt, x.end() - cutAt, x.href())).toList();
        note.persist();
        fixes.removeParagraph(p);
        log.record(actor, "paragraph-to-footnote", d.title + " \u00b6" + p.number, Map.of("label", label));
        return new StructureFixes.Fixed("\u00b6" + p.number + " is now footnote " + label + ".", List.of(), StructureFixes.NONE_MOVED);
    }

    /** The text with every occurrence of {@code line} cut out, with one space of those around each cut. */
    static String without(String text, String line) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, from)) {
            out.append(text, from, at);
            from = at + line.length();
            while (from < text.length() && text.charAt(from) == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                from++;
            }
        }
        out.append(text.substring(from));
        return out.toString().strip();
    }

    private static int count(String text, String line) {
        int n = 0;
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + line.length())) {
            n++;
        }
        return n;
    }
}
