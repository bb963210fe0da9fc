package org.seminar.annotator.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard for requests authenticated by the browser's session cookie:
 * a state-changing request must come from a page of this app, as its {@code Origin} (or, failing
 * that, {@code Referer}) header shows: scheme, host and port exactly those of {@link PublicAddress}. Bearer-token calls carry no ambient credentials and pass.
 * Together with the SameSite=Lax session cookie this follows OWASP's "verify origin with standard
 * headers" defence.
 */
public class SessionCsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    PublicAddress address;

    @ServerRequestFilter
    public Optional<Response> verifyOrigin(ContainerRequestContext context, HttpServerRequest request, HttpHeaders headers) {
        if (SAFE_METHODS.contains(context.getMethod()) || context.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return Optional.empty();
        }
        if (!Paths.hasSessionCookie(context.getHeaderString(HttpHeaders.COOKIE))) {
            return Optional.empty();
        }
        String origin = context.getHeaderString("Origin");
        boolean fromHere = origin != null && !origin.equals("null") ? address.sameOrigin(origin, request)
                : address.samePage(context.getHeaderString("Referer"), request);
        if (fromHere) {
            return Optional.empty();
        }
        return Optional.of(ErrorResponses.respond(request, headers, 403, "Cross-site request refused",
                "This change was not sent from a page of this site. Reload the page and try again.", List.of()));
    }
}
