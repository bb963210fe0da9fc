package org.seminar.annotator.webannotation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.seminar.annotator.web.Paths;

/**
 * Every refusal of a W3C protocol request links to what this server requires of an annotation
 * ({@code Link: <…>; rel="http://www.w3.org/ns/ldp#constrainedBy"}), as LDP asks of a server that refuses a
 * request for its own constraints; and a 405 from a container's page says what the page allows.
 */
public class ProtocolRefusals {

    /** The document that states the constraints: what a W3C client's annotation must be here. */
    public static final String CONSTRAINTS = "/static/annotation-protocol-constraints.html";

    @ServerResponseFilter
    public void linkConstraints(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.getStatus() >= 500 || !Paths.isAnnotationProtocol(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().add("Link", "<" + CONSTRAINTS + ">; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"");
        // other addresses' 405s get their Allow from web/AllowedMethods, which knows the resources but not the pages
        if (response.getStatus() == 405 && request.getUriInfo().getQueryParameters().containsKey("page")) {
            response.getHeaders().putSingle("Allow", AnnotationProtocolResource.PAGE_ALLOW);
        }
    }
}
