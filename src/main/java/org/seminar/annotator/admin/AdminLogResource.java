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
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.ParameterRules;

/** The admin log, newest first. */
@Path("/api/admin/log")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminLogResource {

    @Inject
    AdminLog log;

    @GET
    public List<AdminLog.Entry> latest(@QueryParam("first") String first, @QueryParam("max") String max, @QueryParam("action") String action,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to) {
        Integer start = ParameterRules.integer("first", first, 0, Integer.MAX_VALUE);
        Integer size = ParameterRules.integer("max", max, 1, 500);
        return log.latest(AdminLog.Filter.of(action, actor, from, to), start == null ? 0 : start, size == null ? 100 : size);
    }
}
