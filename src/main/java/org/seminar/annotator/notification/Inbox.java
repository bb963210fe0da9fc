package org.seminar.annotator.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.annotation.Annotation;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Reply;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.storage.SqlValues;
import org.seminar.annotator.web.ProblemException;

/**
 * A person's inbox, read through {@link Visibility} as things stand now: an entry about a reply hidden or an
 * annotation blinded since it was made is not shown (nor mailed), nor one of a group the person left or of a
 * document they may no longer open.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;
    @Inject
    Visibility visibility;
    @Inject
    SeminarGroups groups;
    @Inject
    DocumentAccess documentAccess;

    /** The entries the reader may see, newest first, and how many of them are unread. */
    @Transactional
    public NotificationViews.InboxView of(Reader reader, int limit) {
        Visibility.Condition seen = seen(reader);
        List<Tuple> rows = seen.bind(em.createNativeQuery("""
                select n.id, n.kind, n.document_id, d.title, n.annotation_id, n.reply_id, n.paragraph_id, n.actor, n.actor_name,
                       n.excerpt, n.created_at, n.read_at, n.group_id
                from notification n join document d on d.id = n.document_id
                left join annotation a on a.id = n.annotation_id left join reply r on r.id = n.reply_id
                where n.recipient = :me and """ + seen.sql() + " order by n.created_at desc, n.id desc limit :limit", Tuple.class))
                .setParameter("me", reader.username()).setParameter("limit", limit).getResultList();
        Number unread = (Number) seen.bind(em.createNativeQuery("""
                select count(*) from notification n join document d on d.id = n.document_id
                left join annotation a on a.id = n.annotation_id left join reply r on r.id = n.reply_id
                where n.recipient = :me and n.read_at is null and """ + seen.sql())).setParameter("me", reader.username()).getSingleResult();
        return new NotificationViews.InboxView(rows.stream().map(Inbox::view).toList(), unread.longValue());
    }

    /** Marks one of the reader's own entries read or unread; anyone else's is not found. */
    @Transactional
    public NotificationViews.NotificationView mark(String id, boolean read, Reader reader) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(reader.username()) || !stillVisible(n, reader)) {
            throw ProblemException.notFound("No notification with id " + id);
        }
        n.readAt = read ? (n.readAt == null ? Instant.now() : n.readAt) : null;
        return of(reader, 500).notifications().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No notification with id " + id));
    }

    /** Whether its recipient may still see what the entry is about (mail asks this before sending). */
    boolean stillVisible(Notification n) {
        return stillVisible(n, new Reader(n.recipient, n.recipient, false, Map.of(groups.nameOf(n.groupId), n.groupId)));
    }

    private boolean stillVisible(Notification n, Reader reader) {
        if (!visibility.inGroup(reader, n.groupId) || !documentAccess.mayOpen(n.documentId, reader.admin(), List.of(n.groupId))) {
            return false;
        }
        if (n.annotationId == null) {
            return true;
        }
        Annotation a = Annotation.findById(n.annotationId);
        if (a == null) {
            return false;
        }
        if (n.replyId == null) {
            return visibility.maySee(reader, a);
        }
        Reply r = Reply.findById(n.replyId);
        return r != null && visibility.maySee(reader, a, r);
    }

    /** The SQL form of {@link #stillVisible}: the group, then the annotation and reply by {@link Visibility}'s conditions. */
    private Visibility.Condition seen(Reader reader) {
        Visibility.Condition annotations = visibility.annotations("a", reader);
        Visibility.Condition replies = visibility.replies("r", "a", reader);
        Map<String, Object> parameters = new HashMap<>(annotations.parameters());
        parameters.putAll(replies.parameters());
        // the group, and the document as DocumentAccess rules: published, not archived, assigned to the group or to none
        String group = reader.admin() ? "true" : reader.groupIds().isEmpty() ? "false" : "(n.group_id in (:inbox_groups)"
                + " and d.status = 'published' and not d.archived and (not exists (select 1 from document_group dg where dg.document_id = d.id)"
                + " or exists (select 1 from document_group dg where dg.document_id = d.id and dg.group_id = n.group_id)))";
        if (!reader.admin() && !reader.groupIds().isEmpty()) {
            parameters.put("inbox_groups", List.copyOf(reader.groupIds()));
        }
        return new Visibility.Condition("(" + group + " and (n.annotation_id is null or (a.id is not null and " + annotations.sql()
                + ")) and (n.reply_id is null or (r.id is not null and " + replies.sql() + ")))", parameters);
    }

    private static NotificationViews.NotificationView view(Tuple t) {
        NotificationKind kind = NotificationKind.of(t.get("kind", String.class)).orElseThrow();
        String documentId = t.get("document_id", String.class);
        String paragraphId = t.get("paragraph_id", String.class);
        String title = t.get("title", String.class);
        String actorName = t.get("actor_name", String.class);
        return new NotificationViews.NotificationView(t.get("id", String.class), kind.wireName(), sentence(kind, actorName, title),
                documentId, title, t.get("annotation_id", String.class), t.get("reply_id", String.class), paragraphId,
                t.get("actor", String.class), actorName, t.get("excerpt", String.class),
                "/documents/" + documentId + (paragraphId == null ? "" : "#" + paragraphId), SqlValues.instant(t.get("created_at")),
                t.get("read_at") != null);
    }

    static String sentence(Notification n, String title) {
        return sentence(n.kindOf(), n.actorName, title);
    }

    /** What happened, in words: "Ada Lovelace replied to your annotation in “On Method”". */
    static String sentence(NotificationKind kind, String actorName, String title) {
        String where = kind == NotificationKind.DUE ? ": “" + title + "”" : " in “" + title + "”";
        if (kind == NotificationKind.ASSIGNED) {
            where = ": “" + title + "”";
        }
        return (kind.hasActor() ? (actorName == null ? "Someone" : actorName) + " " : "") + kind.phrase() + where;
    }
}
