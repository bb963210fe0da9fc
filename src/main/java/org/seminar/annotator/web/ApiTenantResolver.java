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
    /** Id of the default (code flow) tenant; named explicitly because {@code null} lets other resolvers guess. */
    public static final String WEB_TENANT = io.quarkus.oidc.runtime.OidcUtils.DEFAULT_TENANT_ID;

    @Override
    public String resolve(RoutingContext context) {
        if (!Paths.isApi(context.normalizedPath())) {
            return WEB_TENANT;
        }
        boolean bearer = context.request().getHeader("Authorization") != null;
        boolean session = Paths.hasSessionCookie(context.request().getHeader("Cookie"));
        return session && !bearer ? WEB_TENANT : API_TENANT;
    }
}
