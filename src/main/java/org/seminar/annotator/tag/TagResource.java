package org.seminar.annotator.tag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.seminar.annotator.account.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The tag codebook: everyone signed in reads it, admins change it. */
@Path("/api/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {

    @Inject
    TagService tags;

    @GET
    public List<TagService.TagView> list() {
        return tags.list();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TagService.TagView.class)))
    public Response create(TagService.NewTag tag) {
        TagService.TagView created = tags.create(tag);
        return Response.created(URI.create("/api/tags/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Roles.ADMIN)
    public TagService.TagView update(@PathParam("slug") String slug, TagService.TagChange change) {
        return tags.update(slug, change);
    }
}
