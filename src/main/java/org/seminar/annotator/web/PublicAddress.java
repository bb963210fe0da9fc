package org.seminar.annotator.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.seminar.annotator.config.AnnotatorConfig;

/**
 * The address people reach the app at, the one owner of absolute URLs (exports, JSON-LD ids) and of
 * the same-origin rule for cookie-authenticated writes. Configured with {@code annotator.public-url}
 * (behind a proxy: the proxy's public address); unset, it is {@code http://localhost:<port>} with the
 * port the server listens on. The {@code Host} and {@code X-Forwarded-*} headers, which the client
 * chooses, are never used for it.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    AnnotatorConfig config;
    @Inject
    CurrentVertxRequest current;

    /**
     * A {@code 201 Created} answer with the new thing, whose {@code Location} is its path at the public address (left
     * relative, the REST layer would have completed it from the request's {@code Host} header).
     */
    public <T> RestResponse<T> created(String path, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(baseUrl(current.getCurrent().request()) + path)).entity(entity).build();
    }

    /** The base URL without a trailing slash, e.g. {@code https://annotate.example.org}. */
    public String baseUrl(HttpServerRequest request) {
        Optional<URI> configured = config.publicUrl();
        if (configured.isPresent()) {
            String url = configured.get().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "http://localhost:" + request.localAddress().port();
    }

    /** Whether a URL (an {@code Origin} or {@code Referer}) has exactly the scheme, host and port of the public address. */
    public boolean sameOrigin(String url, HttpServerRequest request) {
        try {
            URI candidate = URI.create(url);
            URI own = URI.create(baseUrl(request));
            return candidate.getScheme() != null && candidate.getHost() != null
                    && candidate.getScheme().equalsIgnoreCase(own.getScheme()) && candidate.getHost().equalsIgnoreCase(own.getHost())
                    && port(candidate) == port(own);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
