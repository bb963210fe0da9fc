package org.seminar.annotator.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who the caller is, as the app sees them. */
@Path("/api/me")
@Authenticated
public class MeResource {

    /** The caller's identity and what they may do. */
    public record Me(String username, String name, String email, List<String> roles, List<String> groups) {
    }

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(user.username(), user.name(), user.email(), user.roles(), user.groups());
    }
}
