package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.document.DocumentService;
import org.seminar.annotator.document.DocumentViews;
import org.seminar.annotator.document.ReadingVisits;
import org.seminar.annotator.storage.Rows;

/**
 * A reader's assignments for the home page: each document they may open, with its due date, their own
 * progress (annotations, replies, finished) and what others annotated since their last visit, counted
 * through {@link Visibility} (blind mode hides others' work, and so its count).
 */
@ApplicationScoped
public class Assignments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /**
     * One document on the home page.
     *
     * @param distinction what tells it apart from another document of the same title (null when none shares it)
     * @param newByOthers annotations by others since the reader's last visit (all of them before the first)
     */
    public record Assignment(String documentId, String title, String distinction, String due, boolean overdue, long myAnnotations,
            long myReplies, boolean finished, long newByOthers, boolean visited) {
    }

    @Inject
    EntityManager em;
    @Inject
    DocumentAccess access;
    @Inject
    DocumentService documents;
    @Inject
    ReadingVisits visits;
    @Inject
    Visibility visibility;

    @Transactional
    public List<Assignment> of(Reader reader) {
        List<DocumentViews.Summary> listed = documents.list().stream().filter(s -> !s.archived() && !s.draft()).toList();
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<String, String> distinctions = documents.distinctions(listed);
        List<String> ids = listed.stream().map(DocumentViews.Summary::id).toList();
        Map<String, Instant> lastVisits = visits.lastVisits(reader.username());
        Map<String, long[]> counts = new HashMap<>();
        Visibility.Condition visible = visibility.annotations("a", reader);
        for (Rows.Row row : Rows.of(visible.bind(em.createNativeQuery("""
                select a.document_id,
                       count(*) filter (where a.author = :me) as mine,
                       count(*) filter (where a.author <> :me and (v.visited_at is null or a.created > v.visited_at)) as news
                from annotation a left join document_visit v on v.document_id = a.document_id and v.username = :me
                where a.document_id in (:docs) and not a.withdrawn and %s
                group by a.document_id""".formatted(visible.sql()))).setParameter("me", reader.username()).setParameter("docs", ids))) {
            counts.put(row.get("document_id", String.class), new long[] {row.get("mine", Number.class).longValue(),
                    row.get("news", Number.class).longValue(), 0});
        }
        for (Rows.Row row : Rows.of(em.createNativeQuery("""
                select a.document_id, count(*) as n from reply r join annotation a on a.id = r.annotation_id
                where a.document_id in (:docs) and r.author = :me group by a.document_id""")
                .setParameter("me", reader.username()).setParameter("docs", ids))) {
            counts.computeIfAbsent(row.get("document_id", String.class), k -> new long[3])[2] = row.get("n", Number.class).longValue();
        }
        Set<String> finished = new HashSet<>(Rows.of(em.createNativeQuery("""
                select distinct document_id from document_finished where username = :me and document_id in (:docs)""")
                .setParameter("me", reader.username()).setParameter("docs", ids)).stream().map(r -> r.get("document_id", String.class)).toList());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Assignment> home = new ArrayList<>();
        for (DocumentViews.Summary s : listed) {
            Document d = Document.findById(s.id());
            long[] c = counts.getOrDefault(s.id(), new long[3]);
            boolean done = finished.contains(s.id());
            home.add(new Assignment(s.id(), d.title, distinctions.get(s.id()), d.dueDate == null ? null : DAY.format(d.dueDate),
                    d.dueDate != null && !done && d.dueDate.isBefore(today), c[0], c[2], done, c[1], lastVisits.containsKey(s.id())));
        }
        // what is due first comes first; then the rest by title
        home.sort(Comparator.comparing((Assignment a) -> Document.<Document>findById(a.documentId()).dueDate,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Assignment::title, String.CASE_INSENSITIVE_ORDER));
        return home;
    }
}
