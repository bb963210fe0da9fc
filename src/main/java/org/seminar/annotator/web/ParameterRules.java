package org.seminar.annotator.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters follow {@link TextRules} like every other text: a refused one gets 400
 * naming the parameter before any resource (or the database) sees it. Numbers and flags in query
 * parameters are read with {@link #integer} and {@link #flag}, which also answer 400 naming the
 * parameter (a JAX-RS conversion failure would answer 404).
 */
public class ParameterRules {

    @ServerRequestFilter
    public Optional<jakarta.ws.rs.core.Response> checkParameters(ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        for (Map.Entry<String, List<String>> query : uri.getQueryParameters().entrySet()) {
            TextRules.require(query.getKey(), query.getKey());
            for (String value : query.getValue()) {
                TextRules.require(query.getKey(), value);
            }
        }
        for (Map.Entry<String, List<String>> path : uri.getPathParameters().entrySet()) {
            for (String value : path.getValue()) {
                TextRules.require(path.getKey(), value);
            }
        }
        return Optional.empty();
    }

    /** An optional whole number between min and max (inclusive); null when absent. */
    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badField(name, "must be a whole number from " + min + " to " + max);
    }

    /** An optional true/false flag (1/0 too, as the W3C protocol's {@code ?iris=1}); absent means false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
        }
        throw ProblemException.badField(name, "must be true or false (or 1 or 0)");
    }
}
