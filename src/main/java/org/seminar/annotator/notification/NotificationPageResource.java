package org.seminar.annotator.notification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.Flash;

/** The inbox page and the unsubscribe page that works without signing in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NotificationPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(NotificationViews.InboxView inbox, String flash);

        static native TemplateInstance unsubscribe(String token, String username, String label, boolean done, boolean valid);
    }

    @Inject
    Inbox inbox;
    @Inject
    Readers readers;
    @Inject
    MailSettings settings;
    @Inject
    NotificationMail mail;
    @Inject
    Flash flashScope;

    @GET
    @Path("notifications")
    @Authenticated
    public TemplateInstance inbox(@CookieParam(Flash.COOKIE) String flash) {
        return Templates.inbox(inbox.of(readers.current(), 200), flashScope.read(flash));
    }

    @POST
    @Path("notifications/{id}/read")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mark(@PathParam("id") String id, @RestForm String read) {
        boolean isRead = "true".equals(read);
        inbox.mark(id, isRead, readers.current());
        return flashScope.redirect("/notifications", isRead ? "Marked as read." : "Marked as unread.");
    }

    /** Asks before unsubscribing: mail scanners open links, and a GET changes nothing. */
    @GET
    @Path("unsubscribe")
    @PermitAll
    public Response unsubscribePage(@QueryParam("token") String token) {
        return answer(token, false);
    }

    /** Unsubscribes the token's owner from its kind (also the one-click POST of RFC 8058 mail clients). */
    @POST
    @Path("unsubscribe")
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response unsubscribe(@QueryParam("token") String queryToken, @RestForm String token) {
        return answer(token != null ? token : queryToken, true);
    }

    private Response answer(String token, boolean apply) {
        Optional<UnsubscribeTokens.Unsubscribe> valid = mail.enabled() ? mail.tokens().read(token) : Optional.empty();
        if (valid.isEmpty()) {
            return Response.status(400).entity(Templates.unsubscribe(null, null, null, false, false)).build();
        }
        if (apply) {
            settings.mute(valid.get().username(), valid.get().kind());
        }
        return Response.ok(Templates.unsubscribe(token, valid.get().username(), valid.get().kind().setting(), apply, true)).build();
    }
}
