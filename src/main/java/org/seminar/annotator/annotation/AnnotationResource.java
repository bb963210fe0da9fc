package org.seminar.annotator.annotation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.seminar.annotator.web.PublicAddress;

/** One annotation, its replies, moderation and history: HTTP mapped onto {@link AnnotationService}. */
@Path("/api/annotations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnotationResource {

    @Inject
    PublicAddress address;
    @Inject
    AnnotationService annotations;
    @Inject
    ReplyService replies;
    @Inject
    Readers readers;

    @GET
    @Path("{id}")
    public AnnotationViews.AnnotationView get(@PathParam("id") String id) {
        return annotations.get(id, readers.current());
    }

    @PUT
    @Path("{id}")
    public AnnotationViews.AnnotationView update(@PathParam("id") String id, AnnotationViews.AnnotationChange change) {
        return annotations.update(id, change, readers.current());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") String id) {
        annotations.delete(id, readers.current());
        return Response.noContent().build();
    }

    /** Places the annotation on a new passage (its author or an admin): after a correction left it needing attention. */
    @PUT
    @Path("{id}/anchor")
    public AnnotationViews.AnnotationView placeAgain(@PathParam("id") String id, AnnotationViews.Placement placement) {
        return annotations.placeAgain(id, placement, readers.current());
    }

    @PUT
    @Path("{id}/hidden")
    public AnnotationViews.AnnotationView hide(@PathParam("id") String id, AnnotationViews.Visibility request) {
        return annotations.setHidden(id, request, readers.current());
    }

    @GET
    @Path("{id}/history")
    public List<AnnotationViews.HistoryEntry> history(@PathParam("id") String id) {
        return annotations.history(id, readers.current());
    }

    @POST
    @Path("{id}/replies")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationViews.ReplyView.class)))
    public RestResponse<AnnotationViews.ReplyView> reply(@PathParam("id") String id, AnnotationViews.NewReply request) {
        AnnotationViews.ReplyView created = replies.reply(id, request, readers.current());
        return address.created("/api/annotations/" + id + "/replies/" + created.id(), created);
    }

    @PUT
    @Path("{id}/replies/{replyId}")
    public AnnotationViews.ReplyView updateReply(@PathParam("id") String id, @PathParam("replyId") String replyId,
            AnnotationViews.ReplyChange change) {
        return replies.update(id, replyId, change, readers.current());
    }

    @DELETE
    @Path("{id}/replies/{replyId}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response deleteReply(@PathParam("id") String id, @PathParam("replyId") String replyId) {
        replies.delete(id, replyId, readers.current());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/replies/{replyId}/hidden")
    public AnnotationViews.ReplyView hideReply(@PathParam("id") String id, @PathParam("replyId") String replyId,
            AnnotationViews.Visibility request) {
        return replies.setHidden(id, replyId, request, readers.current());
    }
}
