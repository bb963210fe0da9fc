package org.seminar.annotator.search;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ParameterRules;

/** Search across documents: the annotations, comments and replies the caller may see, in every document they may open. */
@Path("/api/search")
@Authenticated
public class SearchResource {

    /** Results per page unless asked otherwise, and at most. */
    static final int LIMIT = 20, MOST = 50, LAST_OFFSET = 10_000;

    @Inject
    SearchService search;
    @Inject
    Readers readers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "search", summary = "Full-text search (English stemming; \"quoted phrases\", or, -not) over the quotes, comments and replies the caller may see")
    @APIResponse(responseCode = "200", description = "A page of results, best first", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SearchViews.Results.class)))
    public SearchViews.Results search(@Parameter(description = "The words to look for (1 to 200 characters)", required = true) @QueryParam("q") String q,
            @Parameter(description = "Results per page (1 to 50, 20 unless given)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "Results to skip (0 to 10000)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("offset") String offset) {
        String query = SearchService.query(q);
        Integer l = ParameterRules.integer("limit", limit, 1, MOST);
        Integer o = ParameterRules.integer("offset", offset, 0, LAST_OFFSET);
        return search.search(query, o == null ? 0 : o, l == null ? LIMIT : l, readers.current());
    }
}
