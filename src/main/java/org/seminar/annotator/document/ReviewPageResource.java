package org.seminar.annotator.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.web.ProblemException;

/**
 * The review page of an import (admins): what was found beside the PDF's pages, and a form per fix (post, then
 * redirect back with a message; a refused fix shows the page again with the reason, nothing changed).
 */
@Path("/documents/{id}/review")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ReviewPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(ImportReview.Review review, String flash, String error);
    }

    @Inject
    ImportReview review;
    @Inject
    StructureFixes fixes;
    @Inject
    LineDrops drops;
    @Inject
    PdfPages pages;
    @Inject
    CurrentUser user;
    @Inject
    Flash flashScope;

    @GET
    public TemplateInstance page(@PathParam("id") String id, @CookieParam(Flash.COOKIE) String flash) {
        return Templates.review(review.review(id), flashScope.read(flash), null);
    }

    /** Page {@code page} of the imported PDF as an image (drawn once, then kept for a while). */
    @GET
    @Path("pages/{page}")
    @Produces("image/png")
    public Response pageImage(@PathParam("id") String id, @PathParam("page") int page) {
        return Response.ok(pages.png(id, page)).header("Cache-Control", "private, max-age=3600").build();
    }

    @POST
    @Path("front-matter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response frontMatter(@PathParam("id") String id, @RestForm String title, @RestForm String authors) {
        List<String> names = authors == null ? null
                : Arrays.stream(authors.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return fix(id, "front-matter", () -> review.frontMatter(id, new ImportReview.FrontMatter(title, names), user.username()));
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id) {
        try {
            return flashScope.redirect("/documents", review.publish(id, user.username()).message());
        } catch (ProblemException e) {
            return refused(id, e);
        }
    }

    @POST
    @Path("paragraphs/{paragraphId}/join")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return fix(id, "block-" + paragraphId, () -> fixes.join(id, paragraphId, user.username()));
    }

    @POST
    @Path("paragraphs/{paragraphId}/split")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response split(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId, @RestForm String before) {
        return fix(id, "block-" + paragraphId, () -> fixes.splitBefore(id, paragraphId, before, user.username()));
    }

    @POST
    @Path("paragraphs/{paragraphId}/heading")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toHeading(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return fix(id, "blocks", () -> fixes.toHeading(id, paragraphId, user.username()));
    }

    @POST
    @Path("paragraphs/{paragraphId}/footnote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toFootnote(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return fix(id, "blocks", () -> drops.toFootnote(id, paragraphId, user.username()));
    }

    @POST
    @Path("sections/{sectionId}/paragraph")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toParagraph(@PathParam("id") String id, @PathParam("sectionId") String sectionId) {
        return fix(id, "blocks", () -> fixes.toParagraph(id, sectionId, user.username()));
    }

    @POST
    @Path("running-heads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dropEverywhere(@PathParam("id") String id, @RestForm String text) {
        return fix(id, "dropped", () -> drops.dropEverywhere(id, text, user.username()));
    }

    /** Runs a fix; back to the review page (at {@code anchor}) with what it did, or the page again with why not. */
    private Response fix(String id, String anchor, Supplier<StructureFixes.Fixed> fix) {
        try {
            return flashScope.redirect("/documents/" + id + "/review#" + anchor, fix.get().message());
        } catch (ProblemException e) {
            return refused(id, e);
        }
    }

    private Response refused(String id, ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        return Response.status(e.status()).entity(Templates.review(review.review(id), null, e.getMessage())).build();
    }
}
