package org.seminar.annotator.participation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.report.DownloadNames;
import org.seminar.annotator.web.ParameterRules;

/** A seminar group's participation over the term: every document the group reads, summed per reviewer. */
@Path("/api")
@Authenticated
public class TermParticipationResource {

    @Inject
    ParticipationService participation;
    @Inject
    Readers readers;

    @GET
    @Path("participation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTermParticipation", summary = "A group's participation over the term: every member for admins, the caller's own row for reviewers")
    @APIResponse(responseCode = "200", description = "The term's documents and the reviewers' totals", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ParticipationViews.TermParticipation.class)))
    public ParticipationViews.TermParticipation term(
            @Parameter(description = "The seminar group (optional for someone in one group)") @QueryParam("group") String group) {
        return participation.ofTerm(group, readers.current());
    }

    @GET
    @Path("participation.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadTermParticipationCsv", summary = "The term's participation for a grade book: one CSV row per student")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@QueryParam("group") String group, @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("excel") String excelFlag) {
        boolean excel = ParameterRules.flag("excel", excelFlag);
        ParticipationViews.TermParticipation t = participation.ofTerm(group, readers.current());
        var groups = List.of(new ParticipationViews.GroupParticipation(t.group(), false, t.ownRowOnly(), t.reviewers()));
        return Response.ok(ParticipationCsv.of(groups, excel), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + DownloadNames.of("term", t.group(), "participation", excel ? "-excel" : "", "csv") + "\"").build();
    }
}
