package org.seminar.annotator.annotation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Blind mode per document and group, switched by admins; turning it off is the reveal. */
@Path("/api/documents/{id}/blind")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BlindModeResource {

    @Inject
    BlindModes blindModes;
    @Inject
    Readers readers;

    @PUT
    public BlindModes.Switch set(@PathParam("id") String id, BlindModes.Switch request) {
        return blindModes.set(id, request, readers.current());
    }
}
