package org.seminar.annotator.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.annotation.BlindModes;
import org.seminar.annotator.annotation.Readers;

/** The report page: tables, the paragraph strip, charts, agreement next to the discussion, downloads. */
@Path("/documents/{id}/report")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReportPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPages.ReportPage page);
    }

    @Inject
    Flash flashScope;
    @Inject
    ReportPages pages;
    @Inject
    FinishedMarks finishedMarks;
    @Inject
    Readers readers;
    @Inject
    BlindModes blindModes;

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author, @CookieParam(Flash.COOKIE) String flash) {
        return Templates.report(pages.page(id, new ReportService.Filter(group, tag, author), readers.current(), flashScope.read(flash)));
    }

    /** The finished button: marks or unmarks the document for the group, then back to the report. */
    @POST
    @Path("finished")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finished(@PathParam("id") String id, @RestForm String group, @RestForm String finished) {
        finishedMarks.set(id, new ReportViews.Finished(group, "true".equals(finished)), readers.current());
        return Response.seeOther(URI.create("/documents/" + id + "/report?" + ReportPages.param("group", group))).build();
    }

    /** The admin's blind-mode switch for one group (on, or off = the reveal). */
    @POST
    @Path("blind")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response blind(@PathParam("id") String id, @RestForm String group, @RestForm String blind) {
        boolean on = "true".equals(blind);
        blindModes.set(id, new BlindModes.Switch(group, on), readers.current());
        String flash = on ? "Blind mode is on for " + group + ": its reviewers now see only their own work, and agreement waits for the reveal."
                : "Revealed: the reviewers of " + group + " see each other's work and the agreement again.";
        return flashScope.redirect("/documents/" + id + "/report?" + ReportPages.param("group", group), flash);
    }
}
