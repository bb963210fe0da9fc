package org.seminar.annotator.group;

import jakarta.annotation.security.RolesAllowed;
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
import org.seminar.annotator.account.AccountViews;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.web.PublicAddress;

/** Seminar groups for admins. */
@Path("/api/admin/groups")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminGroupResource {

    @Inject
    PublicAddress address;
    @Inject
    GroupAdministration groups;
    @Inject
    CurrentUser admin;

    @GET
    public List<AccountViews.GroupView> list() {
        return groups.list();
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountViews.GroupView.class)))
    public RestResponse<AccountViews.GroupView> create(AccountViews.NewGroup request) {
        AccountViews.GroupView created = groups.create(request, admin.username());
        return address.created("/api/admin/groups/" + created.id(), created);
    }

    @PUT
    @Path("{id}")
    public AccountViews.GroupView rename(@PathParam("id") String id, AccountViews.NewGroup request) {
        return groups.rename(id, request, admin.username());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") String id) {
        groups.delete(id, admin.username());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    public List<AccountViews.UserView> members(@PathParam("id") String id) {
        return groups.members(id);
    }
}
