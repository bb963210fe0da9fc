package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.Ids;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.SqlValues;

/**
 * The rules of annotating: what a valid annotation is, who sees it (its seminar group and admins;
 * anyone else gets 404), who may change it (its author; admins moderate), and the history of every
 * change.
 */
@ApplicationScoped
public class AnnotationService {

    public static final int MAX_COMMENT = 10_000;
    private static final int CONTEXT = 32;

    @Inject
    SeminarGroups groups;
    @Inject
    Event<AnnotationEvent> events;
    @Inject
    TagService tagService;
    @Inject
    org.seminar.annotator.live.BlindModes blindModes;

    /** The two columns of a paragraph that creating an annotation needs. */
    record ParagraphText(String id, String text) {
        static ParagraphText of(String documentId, String paragraphId) {
            return Annotation.getEntityManager()
                    .createQuery("select p.id, p.text from Paragraph p where p.id = ?1 and p.documentId = ?2", Object[].class)
                    .setParameter(1, paragraphId).setParameter(2, documentId)
                    .getResultStream().findFirst().map(row -> new ParagraphText((String) row[0], (String) row[1])).orElse(null);
        }
    }

    /** Filters of the annotation list; null means any. */
    public record Filter(String tag, String author, String paragraphId, String group) {
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * The annotations a reader may see, filtered, with tags and replies: three queries whatever the
     * number of annotations, rows mapped straight to views (no entities), so 5,000 stay fast.
     */
    @Transactional
    public List<AnnotationViews.AnnotationView> list(String documentId, Filter filter, Reader reader) {
        requireDocument(documentId);
        Collection<String> groupIds = reader.admin() ? null : reader.groupIds();
        if (filter.group() != null && !filter.group().isBlank()) {
            String wanted = groups.idOf(filter.group()).orElse("-none-");
            groupIds = groupIds == null || groupIds.contains(wanted) ? Set.of(wanted) : Set.of();
        }
        if (groupIds != null && groupIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = Annotation.visibleRows(documentId, groupIds, blankToNull(filter.tag()), blankToNull(filter.author()),
                blankToNull(filter.paragraphId()), reader.admin(), reader.username());
        Map<String, List<AnnotationViews.ReplyView>> replies = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (Reply r : Reply.ofDocument(documentId)) {
                if (!r.hidden || reader.admin() || r.author.equals(reader.username())) {
                    replies.computeIfAbsent(r.annotationId, k -> new ArrayList<>()).add(replyView(r, reader));
                }
            }
        }
        List<AnnotationViews.AnnotationView> views = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String id = (String) row[0];
            String tagList = (String) row[15];
            views.add(new AnnotationViews.AnnotationView(id, documentId, (String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6],
                    tagList == null || tagList.isEmpty() ? List.of() : List.of(tagList.split(",")), (String) row[7], (String) row[8],
                    (String) row[9], groups.nameOf((String) row[10]), SqlValues.instant(row[12]), SqlValues.instant(row[13]), ((Number) row[14]).intValue(),
                    replies.getOrDefault(id, List.of()), Boolean.TRUE.equals(row[11]) ? Boolean.TRUE : null));
        }
        return views;
    }


    @Transactional
    public AnnotationViews.AnnotationView get(String id, Reader reader) {
        Annotation a = visible(id, reader);
        return view(a, Reply.ofAnnotations(List.of(a.id)), reader);
    }

    @Transactional
    public List<AnnotationViews.HistoryEntry> history(String id, Reader reader) {
        visible(id, reader);
        return AnnotationHistory.ofAnnotation(id).stream()
                .map(h -> new AnnotationViews.HistoryEntry(h.action, h.actor, h.at, h.replyId, h.changes)).toList();
    }

    // ---- writing ----------------------------------------------------------------------------

    @Transactional
    public AnnotationViews.AnnotationView create(String documentId, AnnotationViews.NewAnnotation request, Reader reader) {
        if (request == null) {
            requireDocument(documentId);
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ParagraphText paragraph = null;
        if (request.paragraphId() == null || request.paragraphId().isBlank()) {
            requireDocument(documentId);
            errors.add(new Problem.FieldError("paragraphId", "is required"));
        } else {
            paragraph = ParagraphText.of(documentId, request.paragraphId());
            if (paragraph == null) {
                requireDocument(documentId);
                errors.add(new Problem.FieldError("paragraphId", "is not a paragraph of this document"));
            }
        }
        Integer start = request.start();
        Integer end = request.end();
        if (start == null) {
            errors.add(new Problem.FieldError("start", "is required"));
        } else if (start < 0) {
            errors.add(new Problem.FieldError("start", "must be 0 or more"));
        }
        if (end == null) {
            errors.add(new Problem.FieldError("end", "is required"));
        } else if (start != null && end <= start) {
            errors.add(new Problem.FieldError("end", "must be greater than start"));
        } else if (paragraph != null && end > paragraph.text.length()) {
            errors.add(new Problem.FieldError("end", "is past the end of the paragraph (" + paragraph.text.length() + " characters)"));
        }
        boolean rangeOk = paragraph != null && start != null && end != null && start >= 0 && end > start && end <= paragraph.text.length();
        if (request.quote() == null) {
            errors.add(new Problem.FieldError("quote", "is required: the selected text"));
        } else if (rangeOk && !paragraph.text.substring(start, end).equals(request.quote())) {
            errors.add(new Problem.FieldError("quote", "differs from the paragraph's text at " + start + ".." + end));
        }
        List<String> tags = checkTags(request.tags(), errors);
        checkComment(request.comment(), false, errors);
        String groupId = chooseGroup(request.group(), reader, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Annotation a = new Annotation();
        a.id = Ids.next('a');
        a.documentId = documentId;
        a.paragraphId = paragraph.id;
        a.start = start;
        a.end = end;
        a.quote = request.quote();
        a.prefix = paragraph.text.substring(Math.max(0, start - CONTEXT), start);
        a.suffix = paragraph.text.substring(end, Math.min(paragraph.text.length(), end + CONTEXT));
        a.comment = blankToNull(request.comment());
        a.author = reader.username();
        a.authorName = reader.name();
        a.groupId = groupId;
        a.created = a.updated = Instant.now();
        a.version = 1;
        a.tags.addAll(tags);
        a.persist();
        AnnotationHistory.record("create", reader.username(), a, null, snapshot(a));
        AnnotationViews.AnnotationView view = view(a, List.of(), reader);
        events.fire(new AnnotationEvent("annotation-created", a.documentId, a.groupId, a.id, a.author));
        return view;
    }

    @Transactional
    public AnnotationViews.AnnotationView update(String id, AnnotationViews.AnnotationChange change, Reader reader) {
        Annotation a = visible(id, reader);
        if (!a.author.equals(reader.username())) {
            throw ProblemException.forbidden("Only the author edits an annotation");
        }
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.version() == null) {
            errors.add(new Problem.FieldError("version", "is required: the version you read"));
        }
        List<String> tags = change.tags() == null ? null : checkTags(change.tags(), errors);
        checkComment(change.comment(), false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (change.version() != a.version) {
            throw ProblemException.conflict("The annotation was changed meanwhile (version " + a.version
                    + ", you sent " + change.version() + "); reload it and apply your edit again");
        }
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
            a.version++;
            a.updated = Instant.now();
            AnnotationHistory.record("update", reader.username(), a, null, changes);
            events.fire(new AnnotationEvent("annotation-updated", a.documentId, a.groupId, a.id, a.author));
        }
        return view(a, Reply.ofAnnotations(List.of(a.id)), reader);
    }

    @Transactional
    public void delete(String id, Reader reader) {
        Annotation a = visible(id, reader);
        boolean own = a.author.equals(reader.username());
        if (!own && !reader.admin()) {
            throw ProblemException.forbidden("Only the author (or an admin, as moderation) deletes an annotation");
        }
        AnnotationHistory.record(own ? "delete" : "moderation-delete", reader.username(), a, null, snapshot(a));
        a.delete();
        events.fire(new AnnotationEvent("annotation-deleted", a.documentId, a.groupId, a.id, a.author));
    }

    @Transactional
    public AnnotationViews.AnnotationView setHidden(String id, AnnotationViews.Visibility request, Reader reader) {
        Annotation a = visible(id, reader);
        if (!reader.admin()) {
            throw ProblemException.forbidden("Only admins hide annotations");
        }
        if (request == null || request.hidden() == null) {
            throw ProblemException.badField("hidden", "is required: true or false");
        }
        if (a.hidden != request.hidden()) {
            a.hidden = request.hidden();
            a.version++;
            a.updated = Instant.now();
            AnnotationHistory.record(a.hidden ? "moderation-hide" : "moderation-unhide", reader.username(), a, null,
                    Map.of("hidden", a.hidden));
            events.fire(new AnnotationEvent(a.hidden ? "annotation-deleted" : "annotation-updated", a.documentId, a.groupId, a.id, a.author));
        }
        return view(a, Reply.ofAnnotations(List.of(a.id)), reader);
    }

    // ---- replies ----------------------------------------------------------------------------

    @Transactional
    public AnnotationViews.ReplyView reply(String annotationId, AnnotationViews.NewReply request, Reader reader) {
        Annotation a = visible(annotationId, reader);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkComment(request == null ? null : request.comment(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Reply r = new Reply();
        r.id = Ids.next('r');
        r.annotationId = a.id;
        r.comment = request.comment();
        r.author = reader.username();
        r.authorName = reader.name();
        r.created = r.updated = Instant.now();
        r.version = 1;
        r.persist();
        AnnotationHistory.record("reply", reader.username(), a, r.id, mapOf("comment", r.comment));
        events.fire(new AnnotationEvent("reply-created", a.documentId, a.groupId, a.id, r.author));
        return replyView(r, reader);
    }

    @Transactional
    public AnnotationViews.ReplyView updateReply(String annotationId, String replyId, AnnotationViews.ReplyChange change, Reader reader) {
        Annotation a = visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        if (!r.author.equals(reader.username())) {
            throw ProblemException.forbidden("Only the author edits a reply");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change == null || change.version() == null) {
            errors.add(new Problem.FieldError("version", "is required: the version you read"));
        }
        checkComment(change == null ? null : change.comment(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (change.version() != r.version) {
            throw ProblemException.conflict("The reply was changed meanwhile; reload it and apply your edit again");
        }
        AnnotationHistory.record("reply-update", reader.username(), a, r.id, mapOf("from", r.comment, "to", change.comment()));
        r.comment = change.comment();
        r.version++;
        r.updated = Instant.now();
        events.fire(new AnnotationEvent("annotation-updated", a.documentId, a.groupId, a.id, a.author));
        return replyView(r, reader);
    }

    @Transactional
    public void deleteReply(String annotationId, String replyId, Reader reader) {
        Annotation a = visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        boolean own = r.author.equals(reader.username());
        if (!own && !reader.admin()) {
            throw ProblemException.forbidden("Only the author (or an admin, as moderation) deletes a reply");
        }
        AnnotationHistory.record(own ? "reply-delete" : "moderation-reply-delete", reader.username(), a, r.id,
                mapOf("comment", r.comment, "author", r.author));
        r.delete();
        events.fire(new AnnotationEvent("annotation-updated", a.documentId, a.groupId, a.id, a.author));
    }

    @Transactional
    public AnnotationViews.ReplyView setReplyHidden(String annotationId, String replyId, AnnotationViews.Visibility request, Reader reader) {
        Annotation a = visible(annotationId, reader);
        Reply r = visibleReply(a, replyId, reader);
        if (!reader.admin()) {
            throw ProblemException.forbidden("Only admins hide replies");
        }
        if (request == null || request.hidden() == null) {
            throw ProblemException.badField("hidden", "is required: true or false");
        }
        if (r.hidden != request.hidden()) {
            r.hidden = request.hidden();
            r.version++;
            AnnotationHistory.record(r.hidden ? "moderation-reply-hide" : "moderation-reply-unhide", reader.username(), a, r.id,
                    Map.of("hidden", r.hidden));
            events.fire(new AnnotationEvent("annotation-updated", a.documentId, a.groupId, a.id, a.author));
        }
        return replyView(r, reader);
    }

    // ---- rules ------------------------------------------------------------------------------

    private static void requireDocument(String documentId) {
        if (Document.findById(documentId) == null) {
            throw ProblemException.notFound("No document with id " + documentId);
        }
    }

    /** The annotation if the reader may see it; otherwise 404, exactly as if it did not exist. */
    private Annotation visible(String id, Reader reader) {
        Annotation a = Annotation.findById(id);
        boolean hiddenByBlindMode = a != null && !reader.admin() && !a.author.equals(reader.username())
                && blindModes.isBlind(a.documentId, a.groupId);
        if (a == null || !reader.sees(a) || hiddenByBlindMode) {
            throw ProblemException.notFound("No annotation with id " + id);
        }
        return a;
    }

    private static Reply visibleReply(Annotation a, String replyId, Reader reader) {
        Reply r = Reply.findById(replyId);
        if (r == null || !r.annotationId.equals(a.id) || (r.hidden && !reader.admin() && !r.author.equals(reader.username()))) {
            throw ProblemException.notFound("No reply with id " + replyId);
        }
        return r;
    }

    private List<String> checkTags(List<String> tags, List<Problem.FieldError> errors) {
        if (tags == null || tags.isEmpty()) {
            errors.add(new Problem.FieldError("tags", "needs at least one tag"));
            return List.of();
        }
        Map<String, TagService.TagView> known = tagService.bySlug();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String slug = tags.get(i);
            TagService.TagView tag = slug == null ? null : known.get(slug);
            if (tag == null) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "'" + slug + "' is not a tag of the codebook"));
            } else if (tag.retired()) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "'" + slug + "' is retired and cannot be applied"));
            } else if (!result.contains(slug)) {
                result.add(slug);
            }
        }
        return result;
    }

    private static void checkComment(String comment, boolean required, List<Problem.FieldError> errors) {
        if (required && (comment == null || comment.isBlank())) {
            errors.add(new Problem.FieldError("comment", "is required"));
        } else if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new Problem.FieldError("comment", "is longer than 10,000 characters"));
        }
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

    private AnnotationViews.AnnotationView view(Annotation a, List<Reply> replies, Reader reader) {
        List<AnnotationViews.ReplyView> shown = replies.stream()
                .filter(r -> !r.hidden || reader.admin() || r.author.equals(reader.username()))
                .map(r -> replyView(r, reader)).toList();
        return new AnnotationViews.AnnotationView(a.id, a.documentId, a.paragraphId, a.start, a.end, a.quote, a.prefix, a.suffix,
                a.tags.stream().sorted().toList(), a.comment, a.author, a.authorName, groups.nameOf(a.groupId), a.created, a.updated, a.version,
                shown, a.hidden ? Boolean.TRUE : null);
    }

    private static AnnotationViews.ReplyView replyView(Reply r, Reader reader) {
        return new AnnotationViews.ReplyView(r.id, r.annotationId, r.comment, r.author, r.authorName, r.created, r.updated,
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

    private static Map<String, Object> mapOf(String k1, Object v1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        return m;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = mapOf(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
