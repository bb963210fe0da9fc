package org.seminar.annotator.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.seminar.annotator.annotation.Annotation;
import org.seminar.annotator.annotation.EventType;
import org.seminar.annotator.annotation.Mentions;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Reply;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.group.GroupMembers;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.storage.Ids;

/**
 * Turns the outbox (journalled changes and assignments, written by trigger in the change's transaction: V17) into
 * inbox entries. Each recipient is a person of the group, never the actor, and is notified only of what
 * {@link Visibility} lets them see as things stand when the entry is made: a reply hidden by moderation, a reply or a
 * mentioning annotation during blind mode, anything of another group notifies nobody. Rows are taken with
 * {@code for update skip locked}, so several app instances share the work and each change is notified once.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final int BATCH = 50;
    static final int EXCERPT = 200;

    @Inject
    EntityManager em;
    @Inject
    Visibility visibility;
    @Inject
    Mentions mentions;
    @Inject
    GroupMembers members;
    @Inject
    SeminarGroups groups;
    @Inject
    DocumentAccess documentAccess;
    @Inject
    MailSettings settings;
    @Inject
    NotificationMail mail;

    @Scheduled(every = "{annotator.notifications.every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (deliver() == BATCH) {
                // a full batch: more may be waiting
            }
            mail.sendPending();
        } catch (RuntimeException e) {
            LOG.warnf("Notifications wait for the next round: %s", e.getMessage());
        }
    }

    /** Turns up to one batch of the outbox into notifications; returns how many outbox rows it took. */
    @Transactional
    int deliver() {
        List<Tuple> rows = em.createNativeQuery("""
                select o.id, o.source, o.document_id, o.group_id, e.type, e.annotation_id, e.reply_id, e.actor
                from notification_outbox o left join annotation_event e on e.id = o.event_id
                order by o.id limit %d for update of o skip locked""".formatted(BATCH), Tuple.class).getResultList();
        List<Long> done = new ArrayList<>();
        for (Tuple row : rows) {
            try {
                handle(row);
                done.add(row.get("id", Number.class).longValue());
            } catch (RuntimeException e) {
                // Keycloak away, say: the row stays for a later round, the others go on
                LOG.warnf("Outbox entry %s not notified yet: %s", row.get("id"), e.getMessage());
            }
        }
        if (!done.isEmpty()) {
            em.createNativeQuery("delete from notification_outbox where id in (:ids)").setParameter("ids", done).executeUpdate();
        }
        return rows.size();
    }

    private void handle(Tuple row) {
        String documentId = row.get("document_id", String.class);
        String groupId = row.get("group_id", String.class);
        Document document = Document.findById(documentId);
        if (document == null || document.isDraft() || document.archived) {
            return;
        }
        if ("assigned".equals(row.get("source", String.class))) {
            toGroup(NotificationKind.ASSIGNED, documentId, groupId, null);
            return;
        }
        String type = row.get("type", String.class);
        if (type == null) {
            return; // the journal row is gone with its document
        }
        String actor = row.get("actor", String.class);
        if (EventType.REVEAL.wireName().equals(type)) {
            toGroup(NotificationKind.REVEAL, documentId, groupId, actor);
            return;
        }
        Annotation a = Annotation.findById(row.get("annotation_id", String.class));
        String replyId = row.get("reply_id", String.class);
        Reply r = replyId == null ? null : Reply.findById(replyId);
        if (a == null || replyId != null && r == null) {
            return;
        }
        Map<String, NotificationKind> recipients = new LinkedHashMap<>();
        if (r != null) {
            mentions.usernames(r.id).forEach(u -> recipients.putIfAbsent(u, NotificationKind.MENTION));
            if (EventType.REPLY_CREATED.wireName().equals(type)) {
                recipients.putIfAbsent(a.author, NotificationKind.REPLY);
                Reply.ofAnnotations(List.of(a.id)).forEach(other -> recipients.putIfAbsent(other.author, NotificationKind.THREAD));
            }
        } else {
            mentions.usernames(a.id).forEach(u -> recipients.putIfAbsent(u, NotificationKind.MENTION));
        }
        recipients.remove(actor);
        String groupName = groups.nameOf(groupId);
        recipients.forEach((username, kind) -> {
            GroupMembers.Member member = members.find(groupId, username).orElse(null);
            if (member == null || !documentAccess.mayOpen(documentId, false, List.of(groupId))) {
                return;
            }
            Reader reader = new Reader(username, member.name(), false, Map.of(groupName, groupId));
            boolean sees = r != null ? visibility.maySee(reader, a, r) : visibility.maySee(reader, a);
            if (sees) {
                insert(member, kind, documentId, groupId, a.id, r == null ? null : r.id, a.paragraphId, actor,
                        r != null ? r.authorName : a.authorName, excerpt(r != null ? r.comment : a.comment));
            }
        });
    }

    /** Everyone of the group who may open the document, except the actor. */
    void toGroup(NotificationKind kind, String documentId, String groupId, String actor) {
        if (!documentAccess.mayOpen(documentId, false, List.of(groupId))) {
            return;
        }
        for (GroupMembers.Member member : members.of(groupId)) {
            if (!member.username().equals(actor)) {
                insert(member, kind, documentId, groupId, null, null, null, actor, null, null);
            }
        }
    }

    /** One inbox entry (none when the same mention or reminder was made before), queued for mail as its recipient wants. */
    void insert(GroupMembers.Member to, NotificationKind kind, String documentId, String groupId, String annotationId, String replyId,
            String paragraphId, String actor, String actorName, String excerpt) {
        MailSettings.Settings wanted = settings.of(to.username());
        String mailState = !mail.enabled() || to.email() == null || to.email().isBlank() || !wanted.mails(kind) ? Notification.MAIL_NONE
                : wanted.digest() ? Notification.MAIL_DIGEST : Notification.MAIL_PENDING;
        em.createNativeQuery("""
                insert into notification (id, recipient, email, kind, document_id, group_id, annotation_id, reply_id, paragraph_id,
                                          actor, actor_name, excerpt, created_at, mail)
                values (:id, :to, :email, :kind, :doc, :group, :a, :r, :p, :actor, :actorName, :excerpt, :at, :mail)
                on conflict do nothing""")
                .setParameter("id", Ids.next('n')).setParameter("to", to.username()).setParameter("email", to.email())
                .setParameter("kind", kind.wireName()).setParameter("doc", documentId).setParameter("group", groupId)
                .setParameter("a", annotationId).setParameter("r", replyId).setParameter("p", paragraphId)
                .setParameter("actor", actor).setParameter("actorName", actorName).setParameter("excerpt", excerpt)
                .setParameter("at", Instant.now()).setParameter("mail", mailState).executeUpdate();
    }

    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
