package org.seminar.annotator.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Accept} that names only {@code application/problem+json} says how the client wants to hear of an error, not
 * what it wants on success: clients generated from the description send exactly that for a CSV, Markdown or {@code .qdpx}
 * download (openapi-generator's Java client picks the JSON type among the answers an operation describes). Such a request
 * is answered as if it had no preference, instead of 406; errors still come as problem+json.
 */
public class ProblemAccept {

    @ServerRequestFilter(preMatching = true)
    public void onlyErrorsNamed(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank() && Arrays.stream(accept.split(","))
                .map(type -> type.split(";")[0].strip())
                .allMatch(Problem.MEDIA_TYPE::equalsIgnoreCase)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", */*;q=0.1");
        }
    }
}
