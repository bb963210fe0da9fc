package org.seminar.annotator.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Cross-origin access (CORS) to the JSON API and the W3C Web Annotation Protocol, for browser clients on any origin that
 * call with a bearer token, as annotation clients do. A preflight is answered here, before sign-in is asked for (it
 * carries no credentials by design); answers carry {@code Access-Control-Allow-Origin: *} and the headers a client reads.
 * Never {@code Access-Control-Allow-Credentials}: with {@code *} browsers then neither send the session cookie
 * cross-origin nor let a page read what a cookie-authenticated answer says, so a session is usable from this app's own
 * pages only, and {@link SessionCsrfFilter}'s exact same-origin check still guards every change made with it.
 * Pages, static files and {@code /q/} stay same-origin.
 */
@ApplicationScoped
public class CrossOriginAccess {

    static final String ALLOW_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, Slug, Prefer";
    static final String EXPOSE_HEADERS = "ETag, Location, Link, Content-Location, Allow, Vary, Accept-Post, Preference-Applied, "
            + "Content-Disposition, Retry-After";
    /** How long a browser may reuse a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    void install(@Observes Router router) {
        // before the security handlers, which would ask a preflight for credentials it never carries
        router.route().order(Integer.MIN_VALUE + 30).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || !Paths.isApi(context.normalizedPath())) {
            context.next();
            return;
        }
        var response = context.response();
        if (context.request().method() == HttpMethod.OPTIONS && context.request().getHeader("Access-Control-Request-Method") != null) {
            response.putHeader("Access-Control-Allow-Origin", "*").putHeader("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS).putHeader("Access-Control-Max-Age", MAX_AGE)
                    .setStatusCode(204).end();
            return;
        }
        context.addHeadersEndHandler(v -> response.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS));
        context.next();
    }
}
