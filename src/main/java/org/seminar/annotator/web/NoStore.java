package org.seminar.annotator.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pages and API answers carry a signed-in person's data: {@code Cache-Control: no-store} keeps them
 * out of shared and browser caches (a shared computer's next user pressing Back sees nothing).
 * Static assets are exempt, and so is any answer that set its own caching rule.
 */
@ApplicationScoped
public class NoStore {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 20).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/static/") && !path.startsWith("/webjars/") && !path.equals("/favicon.ico")) {
            context.addHeadersEndHandler(v -> {
                if (!context.response().headers().contains("Cache-Control")) {
                    context.response().putHeader("Cache-Control", "no-store");
                }
            });
        }
        context.next();
    }
}
