package org.seminar.annotator.live;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.seminar.annotator.annotation.Readers;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Presence on a document: report yourself (with the section in view), list who else is here. */
@Path("/api/documents/{id}/presence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @Inject
    Presence presence;
    @Inject
    Readers readers;

    @GET
    public List<Presence.Here> here(@PathParam("id") String id) {
        return presence.here(id, readers.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Done")
    public Response report(@PathParam("id") String id, Presence.Report request) {
        presence.report(id, request, readers.current());
        return Response.noContent().build();
    }
}
