package org.seminar.annotator.document;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.web.ConditionalGet;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.PublicAddress;

/** Documents as JSON: the list, one document's whole structure, its paragraphs, and import by admins. */
@Path("/api/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DocumentApiResource {

    @Inject
    PublicAddress address;
    @Inject
    DocumentService documents;
    @Inject
    DocumentAdministration administration;
    @Inject
    ParagraphCorrection corrections;
    @Inject
    ConditionalGet conditional;
    @Inject
    DocumentUploads uploads;
    @Inject
    StructureFixes fixes;
    @Inject
    CurrentUser user;

    @GET
    public List<DocumentViews.Summary> list() {
        return documents.list();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The document as read: sections, paragraphs, footnotes (304 when unchanged since the ETag sent)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentViews.Detail.class)))
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return conditional.json(documents.get(id), ifNoneMatch);
    }

    /** Renames, archives or brings back, assigns to groups, sets the due date (admins). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentViews.Summary update(@PathParam("id") String id, DocumentAdministration.DocumentChange change) {
        return administration.update(id, change, user.username());
    }

    /**
     * Corrects one paragraph's text (admins); a blank line splits it in two. Annotations are placed
     * again: exactly, by a bounded fuzzy match, or marked as needing attention (never dropped).
     */
    @PUT
    @Path("{id}/paragraphs/{paragraphId}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public ParagraphCorrection.Result correct(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId,
            ParagraphCorrection.Correction correction) {
        return corrections.correct(id, paragraphId, correction, user.username());
    }

    /**
     * Removes a paragraph from the body (admins): a running head or other stray line an import left. A paragraph that
     * carries annotations is refused (409 saying how many and what would happen) unless {@code ?confirm=true}; then its
     * annotations are kept in the paragraph before it (on the same words if there, otherwise marked as needing attention).
     */
    @DELETE
    @Path("{id}/paragraphs/{paragraphId}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Removed; what happened to its annotations",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StructureFixes.Fixed.class)))
    @APIResponse(responseCode = "409", description = "The paragraph carries annotations and the removal was not confirmed (the problem says how many)",
            content = @Content(mediaType = "application/problem+json"))
    public StructureFixes.Fixed removeParagraph(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId,
            @QueryParam("confirm") @Parameter(description = "true: remove it although it carries annotations (they are kept, see above)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String confirm) {
        return fixes.remove(id, paragraphId, ParameterRules.flag("confirm", confirm), user.username());
    }

    /** What deleting the document would take with it: annotations, replies, reviewers (admins). */
    @GET
    @Path("{id}/usage")
    @RolesAllowed(Roles.ADMIN)
    public DocumentAdministration.Usage usage(@PathParam("id") String id) {
        return administration.usage(id);
    }

    /** Deletes the document with its annotations, replies and history (admins); logged. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        administration.delete(id, user.username());
        return Response.noContent().build();
    }

    /**
     * One paragraph: by default its plain text exactly as annotation offsets count it (this is the
     * {@code source} of exported Web Annotations); as JSON when the client asks for JSON.
     */
    @GET
    @Path("{id}/paragraphs/{paragraphId}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @APIResponse(responseCode = "200", description = "The paragraph's plain text, or the paragraph as JSON when asked for JSON", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentViews.PlainParagraph.class))})
    public Response paragraph(@PathParam("id") String id, @PathParam("paragraphId") String paragraphId,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        Paragraph p = documents.paragraph(id, paragraphId);
        boolean json = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()).orElse(false);
        if (!json) {
            return Response.ok(p.text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(new DocumentViews.PlainParagraph(p.id, p.documentId, p.number, p.text),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Imports a text. Clean text is taken as written; {@code ?source=print-extraction} also repairs
     * what a print extraction breaks (page-break splits, pull quotes, interleaved footnotes).
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ MediaType.TEXT_PLAIN, "text/markdown" })
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentViews.Created.class)))
    public RestResponse<DocumentViews.Created> create(byte[] body, @QueryParam("source") String source) {
        boolean print;
        if (source == null || source.isBlank() || source.equals("clean")) {
            print = false;
        } else if (source.equals("print-extraction")) {
            print = true;
        } else {
            throw ProblemException.badField("source", "must be 'clean' or 'print-extraction'");
        }
        String id = uploads.upload(body, print, user.username());
        return address.created("/api/documents/" + id, new DocumentViews.Created(id));
    }

    /**
     * Imports a journal article from a text-based PDF: running headers, footers and page numbers dropped, paragraphs
     * joined across pages and columns, footnotes linked to their markers, pull quotes dropped, each paragraph's page kept.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes("application/pdf")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentViews.Created.class)))
    public RestResponse<DocumentViews.Created> createFromPdf(byte[] body) {
        String id = uploads.uploadPdf(body, user.username());
        return address.created("/api/documents/" + id, new DocumentViews.Created(id));
    }
}
