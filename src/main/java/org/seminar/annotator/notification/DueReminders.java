package org.seminar.annotator.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.seminar.annotator.account.KeycloakAccounts;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.DocumentAccess;

/**
 * Reminds the people of a document's groups that it is due today or tomorrow (UTC dates; a due date is a day). Once
 * per document and person (a unique index), however often this runs and on however many instances.
 */
@ApplicationScoped
public class DueReminders {

    private static final Logger LOG = Logger.getLogger(DueReminders.class);

    @Inject
    Notifier notifier;
    @Inject
    DocumentAccess documentAccess;
    @Inject
    KeycloakAccounts keycloak;

    @Scheduled(every = "{annotator.notifications.due-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            remind(LocalDate.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Due-date reminders wait for the next round: %s", e.getMessage());
        }
    }

    /** Reminders of documents due on {@code today} or the day after; returns how many documents were due. */
    @Transactional
    public int remind(LocalDate today) {
        List<Document> due = Document.list("dueDate between ?1 and ?2 and archived = false and status = ?3", today, today.plusDays(1),
                Document.PUBLISHED);
        for (Document d : due) {
            List<String> groupIds = documentAccess.groupsOf(d.id);
            for (String groupId : groupIds.isEmpty() ? List.copyOf(keycloak.groupIdsByName().values()) : groupIds) {
                notifier.toGroup(NotificationKind.DUE, d.id, groupId, null);
            }
        }
        return due.size();
    }
}
