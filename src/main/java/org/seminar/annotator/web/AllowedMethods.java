package org.seminar.annotator.web;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What each address of the app allows, read once from its resource classes: a 405 names it in {@code Allow} (RFC 9110
 * 15.5.6 makes that a MUST), and so does the answer to a plain {@code OPTIONS}, whose framework default lists every
 * method whatever the address takes.
 */
@Startup
@ApplicationScoped
public class AllowedMethods {

    /** A template's regex, and what JAX-RS ranks templates by: literal characters, then parameters, then parameters with a regex. */
    private record Route(Pattern path, String method, int literals, int parameters, int regexParameters) {

        int compareTo(Route other) {
            int c = Integer.compare(literals, other.literals);
            c = c != 0 ? c : Integer.compare(parameters, other.parameters);
            return c != 0 ? c : Integer.compare(regexParameters, other.regexParameters);
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    @Inject
    BeanManager beans;

    private final List<Route> routes = new ArrayList<>();

    @PostConstruct
    void read() {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !type.getPackageName().startsWith("org.seminar.annotator")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(route(root.value() + "/" + (sub == null ? "" : sub.value()), verb));
                }
            }
        }
    }

    /**
     * The methods the address takes, HEAD with GET and OPTIONS always; empty when nothing lives there. Where several
     * templates match, the one JAX-RS would choose decides ({@code /users/import} over {@code /users/{id}}).
     */
    public Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Route best = null;
        for (Route route : routes) {
            if (route.path().matcher(normalised).matches()) {
                if (best == null || route.compareTo(best) > 0) {
                    best = route;
                    allowed.clear();
                }
                if (route.compareTo(best) == 0) {
                    allowed.add(route.method());
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
        }
        return allowed;
    }

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        // a page of a W3C container (?page=) takes less than the container at the same path: webannotation's
        // ProtocolRefusals says what, since only the protocol knows its pages
        boolean page = Paths.isAnnotationProtocol(request.getUriInfo().getPath()) && request.getUriInfo().getQueryParameters().containsKey("page");
        boolean refused = response.getStatus() == 405 && !response.getHeaders().containsKey("Allow") && !page;
        boolean options = "OPTIONS".equals(request.getMethod()) && response.getStatus() < 300 && !Paths.isAnnotationProtocol(request.getUriInfo().getPath());
        if (refused || options) {
            Set<String> allowed = at(request.getUriInfo().getPath());
            if (!allowed.isEmpty()) {
                response.getHeaders().putSingle("Allow", String.join(", ", allowed));
            }
        }
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /a/{id}/{kind: x\.csv|y}} as a regex of the whole path, a parameter without its own regex one segment. */
    static Route route(String template, String verb) {
        int literals = 0;
        int parameters = 0;
        int regexParameters = 0;
        String path = ("/" + template).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(path);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(at, m.start())));
            literals += m.start() - at;
            parameters++;
            regexParameters += m.group(1) == null ? 0 : 1;
            regex.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).strip() + ")");
            at = m.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        literals += path.length() - at;
        return new Route(Pattern.compile(regex.toString()), verb, literals, parameters, regexParameters);
    }
}
