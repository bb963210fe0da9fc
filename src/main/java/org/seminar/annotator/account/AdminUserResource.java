package org.seminar.annotator.account;

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
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.PublicAddress;

/** Account administration for admins: users, passwords and class-list imports, all through Keycloak. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    @Inject
    PublicAddress address;
    @Inject
    UserAdministration users;
    @Inject
    ClassListImport classList;
    @Inject
    CurrentUser admin;

    @GET
    public List<AccountViews.UserView> list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return users.list(search, ParameterRules.integer("first", first, 0, Integer.MAX_VALUE), ParameterRules.integer("max", max, 1, 200));
    }

    @GET
    @Path("{id}")
    public AccountViews.UserView get(@PathParam("id") String id) {
        return users.get(id);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountViews.UserView.class)))
    public RestResponse<AccountViews.UserView> create(AccountViews.NewUser request) {
        AccountViews.UserView created = users.create(request, admin.username());
        return address.created("/api/admin/users/" + created.id(), created);
    }

    @PUT
    @Path("{id}")
    public AccountViews.UserView update(@PathParam("id") String id, AccountViews.UserChange change) {
        return users.update(id, change, admin.username());
    }

    @POST
    @Path("{id}/password")
    @APIResponse(responseCode = "204", description = "Done")
    public Response resetPassword(@PathParam("id") String id, AccountViews.PasswordReset request) {
        users.resetPassword(id, request, admin.username());
        return Response.noContent().build();
    }

    /** A class list as CSV: all rows valid, or 400 listing every bad row and nothing created. */
    @POST
    @Path("import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountViews.ImportResult.class)))
    public Response importClassList(String csv) {
        return Response.status(201).entity(classList.importCsv(csv, admin.username())).build();
    }
}
