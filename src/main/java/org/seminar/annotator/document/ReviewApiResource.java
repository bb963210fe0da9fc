package org.seminar.annotator.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.web.ProblemException;

/**
 * The import review as JSON (admins): what was found, and each fix of the review page as one call. Every fix answers
 * what it did; bad input is a 4xx problem naming the field, and changes nothing.
 */
@Path("/api/documents/{id}/review")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewApiResource {

    @Inject
    ImportReview review;
    @Inject
    StructureFixes fixes;
    @Inject
    LineDrops drops;
    @Inject
    CurrentUser user;

    /** Where to split: UTF-16 units of the paragraph's text before the new paragraph. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ParagraphSplit", description = "Where to split a paragraph of the import review")
    public record Split(Integer offset) {
    }

    /** A line to drop from every paragraph. */
    public record Line(String text) {
    }

    @GET
    public ImportReview.Review get(@PathParam("id") String id) {
        return review.review(id);
    }

    @POST
    @Path("front-matter")
    @Consumes(MediaType.APPLICATION_JSON)
    public StructureFixes.Fixed frontMatter(@PathParam("id") String id, ImportReview.FrontMatter change) {
        return review.frontMatter(id, change, user.username());
    }

    @POST
    @Path("publish")
    public StructureFixes.Fixed publish(@PathParam("id") String id) {
        return review.publish(id, user.username());
    }

    @POST
    @Path("paragraphs/{paragraphId}/join")
    public StructureFixes.Fixed join(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return fixes.join(id, paragraphId, user.username());
    }

    @POST
    @Path("paragraphs/{paragraphId}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    public StructureFixes.Fixed split(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId, Split split) {
        if (split == null || split.offset() == null) {
            throw ProblemException.badField("offset", "is required: where in the paragraph's text the new paragraph starts");
        }
        return fixes.split(id, paragraphId, split.offset(), "offset", user.username());
    }

    @POST
    @Path("paragraphs/{paragraphId}/heading")
    public StructureFixes.Fixed toHeading(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return fixes.toHeading(id, paragraphId, user.username());
    }

    @POST
    @Path("paragraphs/{paragraphId}/footnote")
    public StructureFixes.Fixed toFootnote(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId) {
        return drops.toFootnote(id, paragraphId, user.username());
    }

    @POST
    @Path("sections/{sectionId}/paragraph")
    public StructureFixes.Fixed toParagraph(@PathParam("id") String id, @PathParam("sectionId") String sectionId) {
        return fixes.toParagraph(id, sectionId, user.username());
    }

    @POST
    @Path("running-heads")
    @Consumes(MediaType.APPLICATION_JSON)
    public StructureFixes.Fixed dropEverywhere(@PathParam("id") String id, Line line) {
        return drops.dropEverywhere(id, line == null ? null : line.text(), user.username());
    }
}
