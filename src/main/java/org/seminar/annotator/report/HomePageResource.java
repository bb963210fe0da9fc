package org.seminar.annotator.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.annotation.Readers;

/** The home page after signing in: my reading, each document with its due date, my progress and what is new since my last visit. */
@Path("/home")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentUser user, List<Assignments.Assignment> assignments);
    }

    @Inject
    CurrentUser user;
    @Inject
    Assignments assignments;
    @Inject
    Readers readers;

    @GET
    public TemplateInstance home() {
        return Templates.home(user, assignments.of(readers.current()));
    }
}
