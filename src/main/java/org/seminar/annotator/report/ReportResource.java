package org.seminar.annotator.report;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.PublicAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A document's report and its files, one operation per file with its own media type, so that a generated client
 * reads a CSV as text and a project as bytes. The class shares {@code /api/documents} with the document resource;
 * each path here ends in a literal file name, so {@code /api/documents/{id}} itself stays with that resource.
 */
@Path("/api/documents")
@Authenticated
public class ReportResource {

    /** The {@code tz} parameter of the CSV and the Markdown. */
    static final String TZ = "An IANA time zone (e.g. Europe/Berlin) for the times, which are given at whole seconds; UTC without it."
            + " An unknown zone answers 400 naming tz.";

    static final String JSON_LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    @Inject
    ReportService reports;
    @Inject
    ReportExports exports;
    @Inject
    MarkdownReport markdownReport;
    @Inject
    QdpxExport qdpx;
    @Inject
    FinishedMarks finishedMarks;
    @Inject
    Readers readers;
    @Inject
    PublicAddress address;

    @GET
    @Path("{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReport", summary = "The reviewer report (JSON): one group's, or every group's for admins without ?group=")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "application/json",
            schema = @Schema(anyOf = {ReportViews.GroupReport.class, ReportViews.AllGroups.class})))
    public Response report(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        return download(Response.ok(reports.report(id, filter, readers.current()), MediaType.APPLICATION_JSON_TYPE), id, filter, "report", false);
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadReportCsv", summary = "One CSV row per annotation (RFC 4180, UTF-8; ?excel=true adds a BOM)")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author, @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("excel") String excelFlag,
            @Parameter(description = TZ, example = "Europe/Berlin", schema = @Schema(type = SchemaType.STRING)) @QueryParam("tz") String tz) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        boolean excel = ParameterRules.flag("excel", excelFlag);
        LocalTimes times = LocalTimes.of(tz);
        return download(Response.ok(exports.csv(id, filter, readers.current(), excel, times), "text/csv; charset=UTF-8"), id, filter,
                "report.csv", excel, times);
    }

    @GET
    @Path("{id}/report.md")
    @Produces("text/markdown")
    @Operation(operationId = "downloadReportMarkdown", summary = "The report as a Markdown summary: the figures, then each annotation's quote, comment and replies")
    @APIResponse(responseCode = "200", description = "The Markdown file", content = @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)))
    public Response markdown(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author,
            @Parameter(description = TZ, example = "Europe/Berlin", schema = @Schema(type = SchemaType.STRING)) @QueryParam("tz") String tz) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        LocalTimes times = LocalTimes.of(tz);
        return download(Response.ok(markdownReport.markdown(id, filter, readers.current(), times), "text/markdown; charset=UTF-8"), id,
                filter, "report.md", false, times);
    }

    @GET
    @Path("{id}/annotations.jsonld")
    @Produces("application/ld+json")
    @Operation(operationId = "downloadAnnotationsJsonLd", summary = "The annotations and replies as a W3C Web Annotation AnnotationCollection")
    @APIResponse(responseCode = "200", description = "The JSON-LD file", content = @Content(mediaType = "application/ld+json",
            schema = @Schema(type = SchemaType.OBJECT, description = "A W3C AnnotationCollection")))
    public Response jsonLd(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author, @Context HttpServerRequest request) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        return download(Response.ok(exports.jsonLd(id, filter, readers.current(), address.baseUrl(request)), JSON_LD), id, filter,
                "annotations.jsonld", false);
    }

    @GET
    @Path("{id}/export.qdpx")
    @Produces(QdpxExport.MEDIA_TYPE)
    @Operation(operationId = "downloadQdpx", summary = "A REFI-QDA project (.qdpx) for QDA programs")
    @APIResponse(responseCode = "200", description = "The .qdpx file", content = @Content(mediaType = QdpxExport.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response qdpx(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        return download(Response.ok(qdpx.export(id, filter, readers.current()), QdpxExport.MEDIA_TYPE), id, filter, "export.qdpx", false);
    }

    private Response download(Response.ResponseBuilder answer, String id, ReportService.Filter filter, String kind, boolean excel) {
        return download(answer, id, filter, kind, excel, LocalTimes.UTC);
    }

    private Response download(Response.ResponseBuilder answer, String id, ReportService.Filter filter, String kind, boolean excel,
            LocalTimes times) {
        return answer.header("Content-Disposition", "attachment; filename=\"" + downloadName(id, filter, kind, excel, times) + "\"").build();
    }

    /**
     * {@code belarus-non-alignment_seminar-a_annotations_2026-11-28.csv}: title, group, the reviewer and tag filters when
     * there are any, kind, and the date in the reader's zone.
     */
    private String downloadName(String id, ReportService.Filter filter, String kind, boolean excel, LocalTimes times) {
        String group = filter.group();
        if ((group == null || group.isBlank()) && !readers.current().admin() && readers.current().groupIdsByName().size() == 1) {
            group = readers.current().groupIdsByName().keySet().iterator().next();
        }
        String title = org.seminar.annotator.document.Document.<org.seminar.annotator.document.Document>findById(id).title;
        String author = filter.author();
        String tag = filter.tag();
        java.time.LocalDate today = times.today();
        return switch (kind) {
            case "report.csv" -> DownloadNames.of(title, group, author, tag, "annotations", excel ? "-excel" : "", "csv", today);
            case "report.md" -> DownloadNames.of(title, group, author, tag, "report", "", "md", today);
            case "annotations.jsonld" -> DownloadNames.of(title, group, author, tag, "annotations", "", "jsonld", today);
            case "export.qdpx" -> DownloadNames.of(title, group, author, tag, "annotations", "", "qdpx", today);
            default -> DownloadNames.of(title, group, author, tag, "report", "", "json", today);
        };
    }

    /** Marks the document finished (or not) for one of the caller's groups. */
    @PUT
    @Path("{id}/finished")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setFinished", summary = "Marks the document finished (or not) for one of the caller's groups")
    @APIResponse(responseCode = "200", description = "The group's mark for the caller", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportViews.Finished.class)))
    public Response finished(@PathParam("id") String id, ReportViews.Finished request) {
        return Response.ok(finishedMarks.set(id, request, readers.current()), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
