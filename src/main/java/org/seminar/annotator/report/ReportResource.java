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
    public Response get(@PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("group") String group,
            @QueryParam("tag") String tag, @QueryParam("author") String author, @QueryParam("excel") String excelFlag,
            @Context HttpServerRequest request) {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        boolean excel = ParameterRules.flag("excel", excelFlag);
        return switch (kind) {
            case "report" -> Response.ok(reports.report(id, filter, readers.current()), MediaType.APPLICATION_JSON_TYPE).build();
            case "report.csv" -> Response.ok(exports.csv(id, filter, readers.current(), excel), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"annotations-" + id + ".csv\"").build();
            case "report.md" -> Response.ok(exports.markdown(id, filter, readers.current()), "text/markdown; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"report-" + id + ".md\"").build();
            case "annotations.jsonld" -> Response.ok(exports.jsonLd(id, filter, readers.current(), address.baseUrl(request)),
                    "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"").build();
            case "export.qdpx" -> Response.ok(qdpx.export(id, filter, readers.current()), QdpxExport.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + qdpx.fileName(id, filter) + "\"").build();
            default -> throw new NotFoundException();
        };
    }

    /** Marks the document finished (or not) for one of the caller's groups. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response finished(@PathParam("id") String id, @PathParam("kind") String kind, ReportViews.Finished request) {
        if (!kind.equals("finished")) {
            throw new jakarta.ws.rs.NotAllowedException("GET");
        }
        return Response.ok(finishedMarks.set(id, request, readers.current()), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
