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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.PublicAddress;

/** The tag codebook: everyone signed in reads it, admins change it. */
@Path("/api/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {

    @Inject
    PublicAddress address;
    @Inject
    TagService tags;
    @Inject
    CodebookImport codebookImport;
    @Inject
    CurrentUser user;

    @GET
    public List<TagService.TagView> list() {
        return tags.list();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TagService.TagView.class)))
    public RestResponse<TagService.TagView> create(TagService.NewTag tag) {
        TagService.TagView created = tags.create(tag, user.username());
        return address.created("/api/tags/" + created.slug(), created);
    }

    /**
     * Loads tags from a REFI-QDA codebook ({@code .qdc}) or the codebook of a project ({@code .qdpx}):
     * {@code ?preview=true} says what each code would become and changes nothing; without it every new
     * tag is created, or none when a code is invalid (400 naming each).
     */
    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"application/xml", "text/xml", "application/zip", "application/octet-stream"})
    @APIResponse(responseCode = "200", description = "With ?preview=true: what each code would become (new, exists, invalid)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CodebookImport.Preview.class)))
    @APIResponse(responseCode = "201", description = "The tags created (tags that existed are left as they are)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CodebookImport.Result.class)))
    public Response importCodebook(@org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, description = "a .qdc codebook")),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary", description = "a .qdpx project"))})
            byte[] file, @QueryParam("preview") String preview) {
        if (ParameterRules.flag("preview", preview)) {
            return Response.ok(codebookImport.preview(file)).build();
        }
        return Response.status(201).entity(codebookImport.importFile(file, user.username())).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed(Roles.ADMIN)
    public TagService.TagView update(@PathParam("slug") String slug, TagService.TagChange change) {
        return tags.update(slug, change, user.username());
    }
}
