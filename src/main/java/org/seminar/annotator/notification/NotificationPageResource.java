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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.Flash;

/** The inbox page, the mail settings page, and the unsubscribe page that works without signing in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NotificationPageResource {

    /** One kind's line on the settings page. */
    public record KindSetting(String name, String label, boolean mailed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(NotificationViews.InboxView inbox, String flash);

        static native TemplateInstance settings(List<KindSetting> kinds, boolean digest, boolean mailOn, String email, String flash);

        static native TemplateInstance unsubscribe(String token, String username, String label, boolean done, boolean valid);
    }

    @Inject
    Inbox inbox;
    @Inject
    Readers readers;
    @Inject
    CurrentUser user;
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

    @GET
    @Path("account/notifications")
    @Authenticated
    public TemplateInstance settings(@CookieParam(Flash.COOKIE) String flash) {
        MailSettings.Settings now = settings.of(user.username());
        List<KindSetting> kinds = Arrays.stream(NotificationKind.values())
                .map(k -> new KindSetting(k.wireName(), k.setting(), now.mails(k))).toList();
        return Templates.settings(kinds, now.digest(), mail.enabled(), user.email(), flashScope.read(flash));
    }

    @POST
    @Path("account/notifications")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm List<String> mailed, @RestForm String delivery) {
        Set<NotificationKind> muted = EnumSet.allOf(NotificationKind.class);
        (mailed == null ? List.<String>of() : mailed).forEach(k -> NotificationKind.of(k).ifPresent(muted::remove));
        settings.save(user.username(), new MailSettings.Settings("digest".equals(delivery), muted));
        return flashScope.redirect("/account/notifications", "Your notification settings are saved.");
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
