package org.seminar.annotator.web;

import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;

/**
 * A session cookie that cannot be read (garbage, from another installation, or of an account that
 * may no longer sign in) means "signed out": the page request is answered with a redirect to the
 * same address that clears the cookie, so the landing page renders and other pages lead to
 * sign-in, never to an error. The API answers such a cookie with 401 (see {@link ErrorResponses}).
 */
@ApplicationScoped
public class UnreadableSessions {

    /** After Quarkus has set up (lazy) authentication, before authorization: see SecurityHandlerPriorities. */
    private static final int ORDER = -120;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (Paths.isApi(path) || path.startsWith("/q/") || path.startsWith("/static/")
                || !Paths.hasSessionCookie(context.request().getHeader("Cookie"))) {
            context.next();
            return;
        }
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        BiConsumer<RoutingContext, Throwable> quarkusAnswer = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        if (identity == null || quarkusAnswer == null) {
            context.next();
            return;
        }
        // Quarkus answers a failed sign-in through this handler (lazy authentication lets us replace it):
        // an expired session still goes to Quarkus (refresh or sign in again), an unreadable one is cleared
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> {
            if (failure instanceof AuthenticationRedirectException) {
                quarkusAnswer.accept(ctx, failure);
            } else {
                signOut(ctx);
            }
        });
        // resolve the session now, before a page starts rendering with it
        identity.subscribe().with(ok -> context.next(), failure -> {
            if (!context.response().headWritten()) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, quarkusAnswer);
                if (failure instanceof AuthenticationRedirectException) {
                    quarkusAnswer.accept(context, failure);
                } else {
                    signOut(context);
                }
            }
        });
    }

    private static void signOut(RoutingContext context) {
        if (context.response().headWritten()) {
            return;
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith("q_session")) {
                context.response().addCookie(Cookie.cookie(cookie.getName(), "").setPath("/").setMaxAge(0));
            }
        }
        boolean safe = context.request().method() == HttpMethod.GET || context.request().method() == HttpMethod.HEAD;
        String target = safe ? context.request().uri() : "/";
        context.response().setStatusCode(safe ? 302 : 303).putHeader("Location", target).putHeader("Cache-Control", "no-store").end();
    }
}
