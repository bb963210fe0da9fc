package org.seminar.annotator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests over the HTTP limits get a problem body like every other error: a body larger than
 * {@code quarkus.http.limits.max-body-size} (413, whatever its size) and an address longer than
 * {@link #MAX_URI} characters (414). The HTTP codec accepts request lines up to
 * {@code quarkus.http.limits.max-initial-line-length} so that this check, not the codec, answers.
 */
@ApplicationScoped
public class HttpLimits {

    /** The longest request address (path and query) the app reads. */
    static final int MAX_URI = 8192;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void install(@Observes Router router) {
        // before Quarkus's own body-size check (order -2), which answers with an empty body
        router.route().order(Integer.MIN_VALUE + 10).handler(this::checkRequest);
        router.errorHandler(413, context -> problem(context, 413, "Request too large",
                "The request body is larger than this server accepts (10 MB; documents at most 5 MB)."));
        router.errorHandler(414, context -> problem(context, 414, "Address too long",
                "The address of the request is longer than " + MAX_URI + " characters."));
    }

    void checkRequest(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI) {
            problem(context, 414, "Address too long", "The address of the request is longer than " + MAX_URI + " characters.");
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && DIGITS.matcher(length).matches() && Long.parseLong(length) > maxBody.asLongValue()) {
            // the body is not read: close the connection after answering
            context.response().putHeader("Connection", "close");
            problem(context, 413, "Request too large", "The request body is larger than this server accepts ("
                    + maxBody.asLongValue() / (1024 * 1024) + " MB; documents at most 5 MB).");
            return;
        }
        context.next();
    }

    private void problem(RoutingContext context, int status, String title, String detail) {
        if (context.response().ended()) {
            return;
        }
        String path = context.request().path();
        String body;
        try {
            body = json.writeValueAsString(Problem.of(title, status, detail, path == null || path.length() > 200 ? null : path, List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
