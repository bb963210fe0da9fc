package org.seminar.annotator.account;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.seminar.annotator.web.Paths;

/**
 * When Keycloak is down, sending a signed-out visitor to its login page would end in a browser
 * error. Instead they get a page that explains the outage; people already signed in (session
 * cookie) are not affected and keep reading and annotating.
 */
@ApplicationScoped
public class SignInOutagePage {

    static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign-in unavailable · Seminar annotator</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><header class="site"><a class="brand" href="/">Seminar annotator</a></header>
            <main id="main"><section class="error-page" id="sign-in-outage"><h1>Sign-in is unavailable right now</h1>
            <p>The sign-in server (Keycloak) cannot be reached, so new sign-ins are not possible at the moment.</p>
            <p>If you are already signed in in another tab, you can keep reading and annotating there.
            Please try again in a few minutes; if it lasts, tell your teacher or administrator.</p>
            <p><a href="/">Back to the start page</a></p></section></main></body></html>""";

    @Inject
    KeycloakReachability keycloak;

    void install(@Observes Router router) {
        // before authentication, which would redirect to the unreachable login page
        router.route().order(Integer.MIN_VALUE + 100).handler(this::handle);
    }

    void handle(RoutingContext context) {
        if (needsSignIn(context) && !keycloak.lastKnownReachable()) {
            context.response().setStatusCode(503).putHeader("Content-Type", "text/html; charset=UTF-8")
                    .putHeader("Retry-After", "60").end(PAGE);
            return;
        }
        context.next();
    }

    private static boolean needsSignIn(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/") || Paths.isApi(path) || path.startsWith("/q/") || path.startsWith("/static/") || path.equals("/favicon.ico")) {
            return false;
        }
        return !Paths.hasSessionCookie(context.request().getHeader("Cookie"));
    }
}
