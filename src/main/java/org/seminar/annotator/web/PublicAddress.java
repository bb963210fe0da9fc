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

    /**
     * Whether an {@code Origin} header is exactly the public address's origin: scheme, host and port (the default port
     * may be left out), nothing else: no user information ({@code http://evil@localhost:8080}), path or trailing slash.
     */
    public boolean sameOrigin(String origin, HttpServerRequest request) {
        URI candidate = parsed(origin);
        return candidate != null && candidate.getRawPath() != null && candidate.getRawPath().isEmpty()
                && candidate.getRawQuery() == null && candidate.getRawFragment() == null && sameAuthority(candidate, request);
    }

    /** Whether a {@code Referer} is a page at the public address's origin (a path is allowed; user information is not). */
    public boolean samePage(String referer, HttpServerRequest request) {
        URI candidate = parsed(referer);
        return candidate != null && sameAuthority(candidate, request);
    }

    private boolean sameAuthority(URI candidate, HttpServerRequest request) {
        URI own = URI.create(baseUrl(request));
        return candidate.getScheme() != null && candidate.getHost() != null && candidate.getRawUserInfo() == null
                && candidate.getRawAuthority() != null && !candidate.getRawAuthority().contains("@")
                && candidate.getScheme().equalsIgnoreCase(own.getScheme()) && candidate.getHost().equalsIgnoreCase(own.getHost())
                && port(candidate) == port(own);
    }

    private static URI parsed(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
