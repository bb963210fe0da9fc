package org.seminar.annotator.notification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.web.Flash;

/**
 * A person's mail settings: each kind on or off, at once or a daily digest (its own class: {@code /account} belongs
 * to the account page's resource, which would otherwise answer this address with 404).
 */
@Path("/account/notifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MailSettingsPageResource {

    /** One kind's line on the settings page. */
    public record KindSetting(String name, String label, boolean mailed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(List<KindSetting> kinds, boolean digest, boolean mailOn, String email, String flash);
    }

    @Inject
    CurrentUser user;
    @Inject
    MailSettings settings;
    @Inject
    NotificationMail mail;
    @Inject
    Flash flashScope;

    @GET
    public TemplateInstance settings(@CookieParam(Flash.COOKIE) String flash) {
        MailSettings.Settings now = settings.of(user.username());
        List<KindSetting> kinds = Arrays.stream(NotificationKind.values())
                .map(k -> new KindSetting(k.wireName(), k.setting(), now.mails(k))).toList();
        return Templates.settings(kinds, now.digest(), mail.enabled(), user.email(), flashScope.read(flash));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm List<String> mailed, @RestForm String delivery) {
        Set<NotificationKind> muted = EnumSet.allOf(NotificationKind.class);
        (mailed == null ? List.<String>of() : mailed).forEach(k -> NotificationKind.of(k).ifPresent(muted::remove));
        settings.save(user.username(), new MailSettings.Settings("digest".equals(delivery), muted));
        return flashScope.redirect("/account/notifications", "Your notification settings are saved.");
    }

}
