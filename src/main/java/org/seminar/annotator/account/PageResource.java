package org.seminar.annotator.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seminar.annotator.account.CurrentUser;

/** The landing page, open to everyone (the home page after signing in is report/HomePageResource: it reads assignments). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing();
    }

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance landing() {
        return Templates.landing();
    }
}
