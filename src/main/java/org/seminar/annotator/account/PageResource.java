package org.seminar.annotator.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seminar.annotator.account.CurrentUser;

/** The landing page, open to everyone, and the home page a user reaches after signing in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing();

        static native TemplateInstance home(CurrentUser user);
    }

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance landing() {
        return Templates.landing();
    }

    @GET
    @Path("home")
    @Authenticated
    public TemplateInstance home() {
        return Templates.home(user);
    }
}
