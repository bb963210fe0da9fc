package org.seminar.annotator.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seminar.annotator.account.Roles;

/** The admin log, newest first. */
@Path("/api/admin/log")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminLogResource {

    @Inject
    AdminLog log;

    @GET
    public List<AdminLog.Entry> latest(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        int from = first == null || first < 0 ? 0 : first;
        int size = max == null || max < 1 || max > 500 ? 100 : max;
        return log.latest(from, size);
    }
}
