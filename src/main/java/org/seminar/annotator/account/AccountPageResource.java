package org.seminar.annotator.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A reviewer's own account: groups, roles, and Keycloak's page for changing the password. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(CurrentUser user, String keycloakAccountUrl);
    }

    @Inject
    CurrentUser user;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @GET
    public TemplateInstance account() {
        return Templates.account(user, realmUrl + "/account");
    }
}
