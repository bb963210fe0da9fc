package org.seminar.annotator.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.annotation.Readers;

/** The unread count of the bell in every page's header ({@code inject:notificationBell} in the layout). */
@Named("notificationBell")
@RequestScoped
public class NotificationBell {

    private static final Logger LOG = Logger.getLogger(NotificationBell.class);

    @Inject
    CurrentUser user;
    @Inject
    Readers readers;
    @Inject
    Inbox inbox;

    private Long unread;

    /** Unread entries of the signed-in person; 0 for a visitor, and when the count cannot be read (an error page must still render). */
    public long unread() {
        if (unread == null) {
            try {
                unread = user.isSignedIn() ? inbox.of(readers.current(), 1).unread() : 0L;
            } catch (PersistenceException | IllegalStateException | io.quarkus.security.UnauthorizedException e) {
                LOG.debugf("No unread count for the header: %s", e.getMessage());
                unread = 0L;
            }
        }
        return unread;
    }
}
