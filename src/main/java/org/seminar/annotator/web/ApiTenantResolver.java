package org.seminar.annotator.web;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request is authenticated. Pages use the default tenant (authorization code flow
 * with a session cookie). {@code /api/**} uses the bearer-token tenant, which never redirects, unless
 * the browser sends its session cookie and no token: then the page's session is accepted there too.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /** Tenant id of the bearer-token configuration, {@code quarkus.oidc.api.*}. */
    public static final String API_TENANT = "api";

    @Override
    public String resolve(RoutingContext context) {
        if (!Paths.isApi(context.normalizedPath())) {
            return null;
        }
        boolean bearer = context.request().getHeader("Authorization") != null;
        boolean session = context.request().cookies().stream().anyMatch(c -> c.getName().startsWith("q_session"));
        return session && !bearer ? null : API_TENANT;
    }
}
