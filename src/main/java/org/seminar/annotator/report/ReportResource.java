package org.seminar.annotator.report;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.PublicAddress;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A document's report and its files. One class with the kind in the path, so that
 * {@code /api/documents/{id}} itself stays with the document resource.
 */
@Path("/api/documents/{id}/{kind: report\\.csv|report\\.md|report|annotations\\.jsonld|export\\.qdpx|finished}")
@Authenticated
public class ReportResource {

    @Inject
    ReportService reports;
    @Inject
    ReportExports exports;
    @Inject
    QdpxExport qdpx;
    @Inject
    FinishedMarks finishedMarks;
    @Inject
    Readers readers;
    @Inject
    PublicAddress address;

    @GET
    @APIResponse(responseCode = "200", description = "By kind: report (JSON), report.csv (RFC 4180; ?excel=true adds a BOM), report.md, annotations.jsonld (W3C Web Annotation collection), export.qdpx (REFI-QDA project)", content = {
            @Content(mediaType = "application/json", schema = @Schema(oneOf = {ReportViews.GroupReport.class, ReportViews.AllGroups.class})),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "A W3C AnnotationCollection")),
            @Content(mediaType = QdpxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response get(@PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("group") String group,
            @QueryParam("tag") String tag, @QueryParam("author") String author, @QueryParam("excel") String excelFlag,
            @Context HttpServerRequest request) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        boolean excel = ParameterRules.flag("excel", excelFlag);
        Response.ResponseBuilder answer = switch (kind) {
            case "report" -> Response.ok(reports.report(id, filter, readers.current()), MediaType.APPLICATION_JSON_TYPE);
            case "report.csv" -> Response.ok(exports.csv(id, filter, readers.current(), excel), "text/csv; charset=UTF-8");
            case "report.md" -> Response.ok(exports.markdown(id, filter, readers.current()), "text/markdown; charset=UTF-8");
            case "annotations.jsonld" -> Response.ok(exports.jsonLd(id, filter, readers.current(), address.baseUrl(request)),
                    "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"");
            case "export.qdpx" -> Response.ok(qdpx.export(id, filter, readers.current()), QdpxExport.MEDIA_TYPE);
            default -> throw new NotFoundException();
        };
        return answer.header("Content-Disposition", "attachment; filename=\"" + downloadName(id, filter, kind, excel) + "\"").build();
    }

    /** {@code belarus-non-alignment_seminar-a_annotations_2026-11-28.csv}: title, group, kind, date. */
    private String downloadName(String id, ReportService.Filter filter, String kind, boolean excel) {
        String group = filter.group();
        if ((group == null || group.isBlank()) && !readers.current().admin() && readers.current().groupIdsByName().size() == 1) {
            group = readers.current().groupIdsByName().keySet().iterator().next();
        }
        String title = org.seminar.annotator.document.Document.<org.seminar.annotator.document.Document>findById(id).title;
        return switch (kind) {
            case "report.csv" -> DownloadNames.of(title, group, "annotations", excel ? "-excel" : "", "csv");
            case "report.md" -> DownloadNames.of(title, group, "report", "md");
            case "annotations.jsonld" -> DownloadNames.of(title, group, "annotations", "jsonld");
            case "export.qdpx" -> DownloadNames.of(title, group, "annotations", "qdpx");
            default -> DownloadNames.of(title, group, "report", "json");
        };
    }

    /** Marks the document finished (or not) for one of the caller's groups. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The group's mark for the caller", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportViews.Finished.class)))
    public Response finished(@PathParam("id") String id, @PathParam("kind") String kind, ReportViews.Finished request) {
        if (!kind.equals("finished")) {
            throw new jakarta.ws.rs.NotAllowedException("GET");
        }
        return Response.ok(finishedMarks.set(id, request, readers.current()), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
