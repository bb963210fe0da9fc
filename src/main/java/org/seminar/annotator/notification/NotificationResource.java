package org.seminar.annotator.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.ProblemException;

/** The signed-in person's inbox: HTTP mapped onto {@link Inbox}. */
@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    Inbox inbox;
    @Inject
    Readers readers;

    @GET
    public NotificationViews.InboxView inbox(@Parameter(description = "At most this many entries (1 to 500; 50 when left out)")
            @QueryParam("limit") String limit) {
        Integer size = ParameterRules.integer("limit", limit, 1, 500);
        return inbox.of(readers.current(), size == null ? 50 : size);
    }

    @PUT
    @Path("{id}")
    public NotificationViews.NotificationView mark(@PathParam("id") String id, NotificationViews.ReadChange change) {
        if (change == null || change.read() == null) {
            throw ProblemException.badField("read", "is required: true or false");
        }
        return inbox.mark(id, change.read(), readers.current());
    }
}
