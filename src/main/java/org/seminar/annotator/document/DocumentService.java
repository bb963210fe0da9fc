package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.seminar.annotator.web.ProblemException;

/** Reads documents for the API and the reading view: five queries per document, whatever its size. */
@ApplicationScoped
public class DocumentService {

    @jakarta.inject.Inject
    DocumentAccess access;
    @jakarta.inject.Inject
    DocumentAdministration administration;
    @jakarta.inject.Inject
    org.seminar.annotator.account.CurrentUser user;
    @jakarta.inject.Inject
    org.seminar.annotator.group.SeminarGroups groups;

    @Transactional
    public List<DocumentViews.Summary> list() {
        return access.visibleToCaller().stream().map(d -> user.isAdmin() ? administration.summary(d)
                : new DocumentViews.Summary(d.id, d.title, false, null, d.dueDate == null ? null : d.dueDate.toString(), null)).toList();
    }

    /** The documents of {@link #list()} that share a title with another, each with what tells it apart, by id. */
    @Transactional
    public Map<String, String> distinctions(List<DocumentViews.Summary> listed) {
        List<TitleDistinctions.Item> items = new ArrayList<>();
        for (DocumentViews.Summary s : listed) {
            Document d = Document.findById(s.id());
            items.add(new TitleDistinctions.Item(d.id, d.title, d.authors, access.groupsOf(d.id).stream().map(groups::nameOf).sorted().toList(),
                    d.importedAt));
        }
        return TitleDistinctions.of(items);
    }

    @Transactional
    public DocumentViews.Detail get(String id) {
        Document doc = access.requireForCaller(id);
        List<Footnote> footnotes = Footnote.ofDocument(id);
        Map<String, Footnote> noteById = footnotes.stream().collect(Collectors.toMap(n -> n.id, n -> n));
        Map<String, List<FootnoteRef>> refsByParagraph = FootnoteRef.ofDocument(id).stream()
                .collect(Collectors.groupingBy(r -> r.paragraphId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<String>> referencedBy = new LinkedHashMap<>();
        refsByParagraph.values().stream().flatMap(List::stream)
                .forEach(r -> referencedBy.computeIfAbsent(r.footnoteId, k -> new ArrayList<>()).add(r.paragraphId));

        Map<String, List<DocumentViews.ParagraphView>> paragraphsBySection = new LinkedHashMap<>();
        for (Paragraph p : Paragraph.ofDocument(id)) {
            List<DocumentViews.FootnoteRefView> refs = refsByParagraph.getOrDefault(p.id, List.of()).stream()
                    .map(r -> new DocumentViews.FootnoteRefView(r.footnoteId, noteById.get(r.footnoteId).label, r.textOffset))
                    .toList();
            paragraphsBySection.computeIfAbsent(p.sectionId, k -> new ArrayList<>())
                    .add(new DocumentViews.ParagraphView(p.id, p.number, p.text, p.marks, refs, p.page));
        }
        List<DocumentViews.SectionView> sections = Section.ofDocument(id).stream()
                .map(s -> new DocumentViews.SectionView(s.id, s.heading, paragraphsBySection.getOrDefault(s.id, List.of())))
                .toList();
        List<DocumentViews.FootnoteView> notes = footnotes.stream()
                .map(n -> new DocumentViews.FootnoteView(n.id, n.label, n.text, n.marks,
                        referencedBy.getOrDefault(n.id, List.of()).stream().distinct().toList()))
                .toList();
        return new DocumentViews.Detail(doc.id, doc.title, doc.authors, doc.abstractText, doc.keywords, doc.authorNote,
                doc.authorNoteMarks, sections, notes, doc.dueDate == null ? null : doc.dueDate.toString(), doc.correctedAt);
    }

    /** The plain text of one paragraph, as annotation offsets count it. */
    @Transactional
    public Paragraph paragraph(String documentId, String paragraphId) {
        access.requireForCaller(documentId);
        return Paragraph.inDocument(documentId, paragraphId)
                .orElseThrow(() -> ProblemException.notFound("No paragraph " + paragraphId + " in document " + documentId));
    }
}
