package org.seminar.annotator.annotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.storage.GroupCommit;
import org.seminar.annotator.storage.Ids;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.storage.SqlValues;
import org.seminar.annotator.storage.Versions;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * The rules of annotating: what a valid annotation is, who may change it (its author; admins
 * moderate), and the history of every change. Who sees what is {@link Visibility}'s to say; what
 * it hides answers 404, exactly as if it did not exist.
 */
@ApplicationScoped
public class AnnotationService {

    @Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    static final int CONTEXT = 32;
    /** Annotations asked for by id in one list request. */
    private static final int MAX_IDS = 200;

    @Inject
    SeminarGroups groups;
    @Inject
    Event<AnnotationEvent> events;
    @Inject
    TagService tagService;
    @Inject
    Visibility visibility;
    @Inject
    Moderation moderation;
    @Inject
    GroupCommit groupCommit;
    @Inject
    org.seminar.annotator.config.AnnotatorConfig config;
    @Inject
    EventRecords eventRecords;
    @Inject
    ObjectMapper json;
    @Inject
    Mentions mentions;

    /**
     * Filters of the annotation list as asked for; null or blank (empty for {@code ids}) means any. {@code text} is found
     * in the passage, the comment, the author's name or the replies the reader may see.
     */
    public record Filter(String tag, String author, String paragraphId, String group, String text, List<String> ids) {
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * The annotations a reader may see, filtered, with tags and replies: three queries whatever the
     * number of annotations, rows mapped straight to views (no entities), so 5,000 stay fast.
     */
    @Transactional
    public List<AnnotationViews.AnnotationView> list(String documentId, Filter filter, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        List<Rows.Row> rows = Annotation.rows(documentId, visibility.annotations("a", reader), visibility.replies("r", "a", reader),
                query(filter));
        Map<String, Visibility.Subject> subjects = new LinkedHashMap<>();
        for (Rows.Row row : rows) {
            subjects.put(row.get("id", String.class), new Visibility.Subject(documentId, row.get("group_id", String.class),
                    row.get("author", String.class), row.get("hidden", Boolean.class)));
        }
        Map<String, List<AnnotationViews.ReplyView>> replies = new LinkedHashMap<>();
        Map<String, Map<String, String>> mentioned = rows.isEmpty() ? Map.of() : mentions.ofDocument(documentId);
        if (!rows.isEmpty()) {
            for (Reply r : Reply.ofDocument(documentId)) {
                Visibility.Subject parent = subjects.get(r.annotationId);
                if (parent != null && visibility.maySeeReply(reader, parent, r.author, r.hidden)) {
                    replies.computeIfAbsent(r.annotationId, k -> new ArrayList<>()).add(replyView(r, mentioned.get(r.id)));
                }
            }
        }
        List<AnnotationViews.AnnotationView> views = new ArrayList<>(rows.size());
        for (Rows.Row row : rows) {
            String id = row.get("id", String.class);
            String tagList = row.get("tags", String.class);
            String comment = Boolean.TRUE.equals(row.get("withdrawn")) ? null : row.get("comment", String.class);
            views.add(new AnnotationViews.AnnotationView(id, documentId, row.get("paragraph_id", String.class),
                    row.get("start_offset", Number.class).intValue(), row.get("end_offset", Number.class).intValue(),
                    row.get("quote", String.class), row.get("prefix", String.class), row.get("suffix", String.class),
                    tagList == null || tagList.isEmpty() ? List.of() : List.of(tagList.split(",")), comment, Comments.html(comment, mentioned.get(id)),
                    row.get("author", String.class), row.get("author_name", String.class), groups.nameOf(row.get("group_id", String.class)),
                    SqlValues.instant(row.get("created")), SqlValues.instant(row.get("updated")), row.get("version", Number.class).intValue(),
                    replies.getOrDefault(id, List.of()), Boolean.TRUE.equals(row.get("hidden")) ? Boolean.TRUE : null,
                    Boolean.TRUE.equals(row.get("withdrawn")) ? Boolean.TRUE : null, row.get("anchor", String.class),
                    row.get("group_id", String.class), row.get("canonical", String.class), row.get("via", String.class)));
        }
        return views;
    }

    /** The same annotations as {@link #list}, in the reading page's compact shape and in reading order. */
    @Transactional
    public CompactList compactList(String documentId, Filter filter, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        return CompactList.of(Annotation.compactRows(documentId, visibility.annotations("a", reader), visibility.replies("r", "a", reader),
                query(filter), CompactList.EXCERPT), tagService.list());
    }

    private Annotation.Filter query(Filter filter) {
        Collection<String> groupIds = null;
        if (filter.group() != null && !filter.group().isBlank()) {
            groupIds = Set.of(groups.idOf(filter.group()).orElse("-none-"));
        }
        List<String> ids = filter.ids() == null || filter.ids().isEmpty() ? null : filter.ids();
        if (ids != null && ids.size() > MAX_IDS) {
            throw ProblemException.badField("id", "at most " + MAX_IDS + " ids at once");
        }
        return new Annotation.Filter(blankToNull(filter.tag()), blankToNull(filter.author()), blankToNull(filter.paragraphId()), groupIds,
                blankToNull(filter.text()), ids);
    }

    @Transactional
    public AnnotationViews.AnnotationView get(String id, Reader reader) {
        Annotation a = visible(id, reader);
        return view(a, reader);
    }

    /** The history the reader may see: entries about replies follow the replies as they are now. */
    @Transactional
    public List<AnnotationViews.HistoryEntry> history(String id, Reader reader) {
        Annotation a = visible(id, reader);
        Map<String, Reply> repliesNow = new HashMap<>();
        Reply.ofAnnotations(List.of(a.id)).forEach(r -> repliesNow.put(r.id, r));
        return AnnotationHistory.ofAnnotation(id).stream()
                .filter(h -> visibility.maySee(reader, a, h, h.replyId == null ? null : repliesNow.get(h.replyId)))
                .map(h -> new AnnotationViews.HistoryEntry(h.action, h.actor, h.at, h.replyId, h.changes)).toList();
    }

    // ---- writing ----------------------------------------------------------------------------

    /**
     * Checks and stores a new annotation. The checks read once, without a transaction; the writing goes through
     * {@link GroupCommit} with the creates of other readers, and this returns once it is committed.
     */
    public AnnotationViews.AnnotationView create(String documentId, @NotNull(message = "is missing") @Valid AnnotationViews.NewAnnotation request,
            Reader reader) {
        return create(documentId, request, AnnotationViews.Provenance.NONE, reader);
    }

    /** Creates an annotation as {@link #create(String, AnnotationViews.NewAnnotation, Reader)}, keeping what a W3C client said of its provenance. */
    public AnnotationViews.AnnotationView create(String documentId, @NotNull(message = "is missing") @Valid AnnotationViews.NewAnnotation request,
            AnnotationViews.Provenance provenance, Reader reader) {
        Annotation a = checkNew(documentId, request, reader);
        a.canonical = provenance.canonical();
        a.via = provenance.via();
        if (provenance.slug() != null && Annotation.findById(provenance.slug()) == null) {
            a.id = provenance.slug();
        }
        Map<String, String> mentioned = mentions.in(a.comment, a.groupId);
        if (!config.writes().groupCommit()) {
            // the path every other write takes: entities, the history and the event (journalled by EventJournal), one transaction
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                a.persist();
                Versions.writeNew("The document, paragraph or a tag was changed meanwhile, or an annotation named '" + a.id
                        + "' was made meanwhile; reload the page and annotate again");
                AnnotationHistory.record("create", reader.username(), a, null, snapshot(a));
                mentions.replace(a.id, a.documentId, mentioned);
                events.fire(AnnotationEvent.about(EventType.ANNOTATION_CREATED, a, reader.username()));
            });
            return view(a, List.of(), Map.of(a.id, mentioned));
        }
        try {
            groupCommit.write(AnnotationInsert.of(a, mentioned, snapshot(a), AnnotationEvent.about(EventType.ANNOTATION_CREATED, a,
                    reader.username()), eventRecords, json));
        } catch (GroupCommit.NotWritten e) {
            if ("23503".equals(e.sqlState())) {
                throw ProblemException.conflict("The document, paragraph or a tag was changed meanwhile; reload the page and annotate again");
            }
            if ("23505".equals(e.sqlState())) {
                throw ProblemException.conflict("An annotation named '" + a.id + "' was made meanwhile; send another Slug or none");
            }
            throw e;
        }
        return view(a, List.of(), Map.of(a.id, mentioned));
    }

    /** A new annotation as it will be stored, after every check (one query, no transaction); nothing written. */
    private Annotation checkNew(String documentId, AnnotationViews.NewAnnotation request, Reader reader) {
        String text = documentAccess.paragraphForWriting(documentId, request.paragraphId(), reader.admin(), reader.groupIds());
        AnnotationRules.Checked checked = AnnotationRules.checkNew(request, text, tagService.bySlug());
        List<Problem.FieldError> errors = new ArrayList<>(checked.errors());
        String groupId = chooseGroup(request.group(), reader, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Annotation a = new Annotation();
        a.id = Ids.next('a');
        a.documentId = documentId;
        place(a, request.paragraphId(), text, request.start(), request.end(), request.quote());
        a.comment = blankToNull(request.comment());
        a.author = reader.username();
        a.authorName = reader.name();
        a.groupId = groupId;
        a.created = a.updated = Instant.now();
        a.version = 1;
        a.tags.addAll(checked.tags());
        return a;
    }

    /** Puts an annotation on a checked passage of a paragraph, with the context around it that re-anchoring uses. */
    private static void place(Annotation a, String paragraphId, String text, int start, int end, String quote) {
        a.paragraphId = paragraphId;
        a.start = start;
        a.end = end;
        a.quote = quote;
        a.prefix = text.substring(Math.max(0, start - CONTEXT), start);
        a.suffix = text.substring(end, Math.min(text.length(), end + CONTEXT));
    }

    @Transactional
    public AnnotationViews.AnnotationView update(String id, @NotNull(message = "is missing") @Valid AnnotationViews.AnnotationChange change,
            Reader reader) {
        Annotation a = visible(id, reader);
        if (!a.author.equals(reader.username())) {
            throw ProblemException.forbidden("Only the author edits an annotation");
        }
        if (a.withdrawn) {
            throw ProblemException.conflict("The annotation was withdrawn; its discussion stays, but it cannot be edited");
        }
        AnnotationRules.Checked checked = AnnotationRules.checkChange(change, a.tags, a.comment, tagService.bySlug());
        if (!checked.errors().isEmpty()) {
            throw ProblemException.badFields(checked.errors());
        }
        List<String> tags = checked.tags();
        if (change.version() != a.version) {
            throw ProblemException.stale("The annotation was changed meanwhile (version " + a.version
                    + ", you sent " + change.version() + "); reload it and apply your edit again");
        }
        Versions.lock(a, "annotation");
        Map<String, Object> changes = new LinkedHashMap<>();
        if (tags != null && !new LinkedHashSet<>(tags).equals(a.tags)) {
            changes.put("tags", Map.of("from", a.tags.stream().sorted().toList(), "to", tags));
            a.tags.clear();
            a.tags.addAll(tags);
        }
        if (change.comment() != null && !Objects.equals(blankToNull(change.comment()), a.comment)) {
            changes.put("comment", mapOf("from", a.comment, "to", blankToNull(change.comment())));
            a.comment = blankToNull(change.comment());
        }
        if (!changes.isEmpty()) {
            a.updated = Instant.now();
            Versions.write("annotation");
            if (changes.containsKey("comment")) {
                // after the write: the native statements would otherwise flush the annotation a second time
                mentions.replace(a.id, a.documentId, mentions.in(a.comment, a.groupId));
            }
            AnnotationHistory.record("update", reader.username(), a, null, changes);
            events.fire(AnnotationEvent.about(EventType.ANNOTATION_UPDATED, a, reader.username()));
        }
        return view(a, reader);
    }

    /** Its author (or an admin) places an annotation on a new passage of its document, e.g. one that needs attention after a correction. */
    @Transactional
    public AnnotationViews.AnnotationView placeAgain(String id, @NotNull(message = "is missing") @Valid AnnotationViews.Placement request,
            Reader reader) {
        Annotation a = visible(id, reader);
        if (!a.author.equals(reader.username()) && !reader.admin()) {
            throw ProblemException.forbidden("Only the author (or an admin) places an annotation again");
        }
        String text = documentAccess.paragraphForWriting(a.documentId, request.paragraphId(), reader.admin(), reader.groupIds());
        List<Problem.FieldError> errors = new ArrayList<>();
        AnnotationRules.checkPassage(text, request.start(), request.end(), request.quote(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (request.version() != a.version) {
            throw ProblemException.stale("The annotation was changed meanwhile (version " + a.version + ", you sent " + request.version() + ")");
        }
        Versions.lock(a, "annotation");
        Map<String, Object> from = Reanchoring.position(a);
        place(a, request.paragraphId(), text, request.start(), request.end(), request.quote());
        a.anchor = Reanchoring.EXACT;
        a.updated = Instant.now();
        Versions.write("annotation");
        AnnotationHistory.record("place-again", reader.username(), a, null, Map.of("position", Map.of("from", from,
                "to", Reanchoring.position(a))));
        events.fire(AnnotationEvent.about(EventType.ANNOTATION_UPDATED, a, reader.username()));
        return view(a, reader);
    }

    @Transactional
    public void delete(String id, Reader reader) {
        delete(id, null, reader);
    }

    /** Deletes (or withdraws) an annotation; with {@code version}, only if that is still its version (else a stale 409). */
    @Transactional
    public void delete(String id, Integer version, Reader reader) {
        Annotation a = visible(id, reader);
        if (version != null) {
            if (version != a.version) {
                throw ProblemException.stale("The annotation was changed meanwhile (version " + a.version + ", you sent " + version + ")");
            }
            Versions.lock(a, "annotation");
        }
        boolean own = a.author.equals(reader.username());
        if (!own && !reader.admin()) {
            throw ProblemException.forbidden("Only the author (or an admin, as moderation) deletes an annotation");
        }
        if (own && Reply.count("annotationId = ?1 and author <> ?2", a.id, a.author) > 0) {
            // others replied: withdraw, so that their discussion stays readable where it was
            if (!a.withdrawn) {
                a.withdrawn = true;
                a.updated = Instant.now();
                Versions.write("annotation");
                AnnotationHistory.record("withdraw", reader.username(), a, null, snapshot(a));
                events.fire(AnnotationEvent.about(EventType.ANNOTATION_UPDATED, a, reader.username()));
            }
            return;
        }
        AnnotationEvent deleted = AnnotationEvent.about(EventType.ANNOTATION_DELETED, a, reader.username());
        Map<String, Object> before = snapshot(a);
        a.delete();
        Versions.write("annotation");
        AnnotationHistory.record(own ? "delete" : "moderation-delete", reader.username(), a, null, before);
        events.fire(deleted);
    }

    @Transactional
    public AnnotationViews.AnnotationView setHidden(String id, @NotNull(message = "is missing") @Valid AnnotationViews.Visibility request,
            Reader reader) {
        Annotation a = visible(id, reader);
        moderation.setHidden(a, null, request, reader);
        return view(a, reader);
    }

    // ---- rules ------------------------------------------------------------------------------


    /** The annotation if the reader may see it; otherwise 404, exactly as if it did not exist. */
    Annotation visible(String id, Reader reader) {
        Annotation a = Annotation.findById(id);
        if (a == null || !visibility.maySee(reader, a)
                || !documentAccess.mayOpen(a.documentId, reader.admin(), reader.groupIds())) {
            throw ProblemException.notFound("No annotation with id " + id);
        }
        return a;
    }

    private String chooseGroup(String requested, Reader reader, List<Problem.FieldError> errors) {
        Map<String, String> mine = reader.groupIdsByName();
        if (mine.isEmpty()) {
            throw ProblemException.forbidden("You are in no seminar group, so you can read but not annotate;"
                    + " ask your teacher to add you to a group");
        }
        if (requested == null || requested.isBlank()) {
            if (mine.size() == 1) {
                return mine.values().iterator().next();
            }
            errors.add(new Problem.FieldError("group", "is required: you are in several groups (" + String.join(", ", mine.keySet()) + ")"));
            return null;
        }
        String id = mine.get(requested);
        if (id == null) {
            errors.add(new Problem.FieldError("group", "'" + requested + "' is not one of your groups"));
        }
        return id;
    }

    private AnnotationViews.AnnotationView view(Annotation a, Reader reader) {
        List<Reply> shown = Reply.ofAnnotations(List.of(a.id)).stream().filter(r -> visibility.maySee(reader, a, r)).toList();
        List<String> subjects = new ArrayList<>(List.of(a.id));
        shown.forEach(r -> subjects.add(r.id));
        return view(a, shown, mentions.of(subjects));
    }

    private AnnotationViews.AnnotationView view(Annotation a, List<Reply> shownReplies, Map<String, Map<String, String>> mentioned) {
        List<AnnotationViews.ReplyView> shown = shownReplies.stream().map(r -> replyView(r, mentioned.get(r.id))).toList();
        // a withdrawn annotation keeps its passage and discussion, not its author's comment
        String comment = a.withdrawn ? null : a.comment;
        return new AnnotationViews.AnnotationView(a.id, a.documentId, a.paragraphId, a.start, a.end, a.quote, a.prefix, a.suffix,
                a.tags.stream().sorted().toList(), comment, Comments.html(comment, mentioned.get(a.id)), a.author, a.authorName, groups.nameOf(a.groupId), a.created, a.updated, a.version,
                shown, a.hidden ? Boolean.TRUE : null, a.withdrawn ? Boolean.TRUE : null, a.anchor, a.groupId, a.canonical, a.via);
    }

    static AnnotationViews.ReplyView replyView(Reply r, Map<String, String> mentioned) {
        return new AnnotationViews.ReplyView(r.id, r.annotationId, r.comment, Comments.html(r.comment, mentioned), r.author, r.authorName, r.created, r.updated,
                r.version, r.hidden ? Boolean.TRUE : null);
    }

    private static Map<String, Object> snapshot(Annotation a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("paragraphId", a.paragraphId);
        s.put("start", a.start);
        s.put("end", a.end);
        s.put("quote", a.quote);
        s.put("tags", a.tags.stream().sorted().toList());
        s.put("comment", a.comment);
        s.put("author", a.author);
        s.put("groupId", a.groupId);
        return s;
    }

    static Map<String, Object> mapOf(String k1, Object v1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        return m;
    }

    static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = mapOf(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
