package org.seminar.annotator.participation;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.report.DownloadNames;
import org.seminar.annotator.web.ParameterRules;

/** A document's participation: JSON, CSV for a grade book, and the teacher's score. Shares {@code /api/documents} with the document resource. */
@Path("/api/documents")
@Authenticated
public class ParticipationResource {

    @Inject
    ParticipationService participation;
    @Inject
    ParticipationScores scores;
    @Inject
    Readers readers;

    @GET
    @Path("{id}/participation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getParticipation", summary = "Who of the group took part, and how much: every member for admins, the caller's own row for reviewers")
    @APIResponse(responseCode = "200", description = "The participation, per group", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ParticipationViews.DocumentParticipation.class)))
    public ParticipationViews.DocumentParticipation participation(@PathParam("id") String id,
            @Parameter(description = "The seminar group (required for someone in several groups; admins without it get every group)") @QueryParam("group") String group) {
        return participation.ofDocument(id, group, readers.current());
    }

    @GET
    @Path("{id}/participation.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadParticipationCsv", summary = "Participation for a grade book: one CSV row per student (RFC 4180, UTF-8; ?excel=true adds a BOM)")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("id") String id, @QueryParam("group") String group,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("excel") String excelFlag) {
        boolean excel = ParameterRules.flag("excel", excelFlag);
        ParticipationViews.DocumentParticipation p = participation.ofDocument(id, group, readers.current());
        String groupName = p.groups().size() == 1 ? p.groups().get(0).group() : null;
        return Response.ok(ParticipationCsv.of(p.groups(), excel), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + DownloadNames.of(p.title(), groupName, "participation", excel ? "-excel" : "", "csv") + "\"").build();
    }

    @PUT
    @Path("{id}/participation/score")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setParticipationScore", summary = "Sets the document's score: at least so many annotations and replies before the due date (admins)")
    @APIResponse(responseCode = "200", description = "The score as stored", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ParticipationViews.Score.class)))
    public ParticipationViews.Score setScore(@PathParam("id") String id, ParticipationViews.Score score) {
        return scores.set(id, score, readers.current().username());
    }

    @DELETE
    @Path("{id}/participation/score")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeParticipationScore", summary = "Removes the document's score (admins)")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    public Response removeScore(@PathParam("id") String id) {
        scores.remove(id, readers.current().username());
        return Response.noContent().build();
    }
}
