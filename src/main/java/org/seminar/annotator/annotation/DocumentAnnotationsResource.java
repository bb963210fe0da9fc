package org.seminar.annotator.annotation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.seminar.annotator.web.ConditionalGet;
import org.seminar.annotator.web.PublicAddress;

/** A document's annotations: the filtered list and creating one. Rules live in {@link AnnotationService}. */
@Path("/api/documents/{docId}/annotations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentAnnotationsResource {

    @Inject
    PublicAddress address;
    @Inject
    AnnotationService annotations;
    @Inject
    Readers readers;
    @Inject
    ConditionalGet conditional;

    /** The list's filters, the same for both shapes. */
    public static class Filters {
        @QueryParam("tag")
        String tag;
        @QueryParam("author")
        String author;
        @QueryParam("paragraphId")
        String paragraphId;
        @QueryParam("group")
        String group;
        @QueryParam("q")
        String text;
        @QueryParam("id")
        List<String> ids;

        AnnotationService.Filter filter() {
            return new AnnotationService.Filter(tag, author, paragraphId, group, text, ids);
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "The annotations the caller may see, in reading order (304 when unchanged since the ETag sent)", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AnnotationViews.AnnotationView.class)))
    public Response list(@PathParam("docId") String docId, @BeanParam Filters filters, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return conditional.json(annotations.list(docId, filters.filter(), readers.current()), ifNoneMatch);
    }

    /** The same list in the reading page's compact shape ({@link CompactList}): what the page shows, nothing more. */
    @GET
    @Path("compact")
    @APIResponse(responseCode = "200", description = "The same annotations as rows of plain values, for the reading page (304 when unchanged since the ETag sent)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CompactList.class)))
    public Response compact(@PathParam("docId") String docId, @BeanParam Filters filters, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return conditional.json(annotations.compactList(docId, filters.filter(), readers.current()), ifNoneMatch);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationViews.AnnotationView.class)))
    public RestResponse<AnnotationViews.AnnotationView> create(@PathParam("docId") String docId, AnnotationViews.NewAnnotation request) {
        AnnotationViews.AnnotationView created = annotations.create(docId, request, readers.current());
        return address.created("/api/annotations/" + created.id(), created);
    }
}
