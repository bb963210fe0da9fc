package org.seminar.annotator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.annotation.BlindModes;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.tag.TagService;

/** The report page: tables, the paragraph strip, charts, agreement next to the discussion, downloads. */
@Path("/documents/{id}/report")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReportPageResource {

    /** A passage that drew many annotations, with what the reviewers said. */
    public record Hotspot(int number, String paragraphId, long annotations, List<ReportExports.Row> rows) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(String documentId, String title, List<ReportViews.GroupReport> reports,
                Map<String, TagService.TagView> codebook, String group, String tag, String author, String query,
                List<String> myGroups, boolean admin, List<Hotspot> hotspots, String chartData, String username);
    }

    @Inject
    ReportService reports;
    @Inject
    ReportExports exports;
    @Inject
    TagService tags;
    @Inject
    Readers readers;
    @Inject
    ObjectMapper json;
    @Inject
    BlindModes blindModes;

    @GET
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("group") String group, @QueryParam("tag") String tag,
            @QueryParam("author") String author) throws JsonProcessingException {
        ReportService.Filter filter = new ReportService.Filter(group, tag, author);
        Object report = reports.report(id, filter, readers.current());
        List<ReportViews.GroupReport> groupReports = report instanceof ReportViews.AllGroups all ? all.groups()
                : List.of((ReportViews.GroupReport) report);
        List<ReportExports.Row> rows = exports.rows(id, filter, readers.current());
        List<Hotspot> hotspots = rows.stream().collect(Collectors.groupingBy(ReportExports.Row::paragraphNumber)).entrySet().stream()
                .map(e -> new Hotspot(e.getKey(), e.getValue().get(0).paragraphId(), e.getValue().size(), e.getValue()))
                .sorted(Comparator.comparingLong(Hotspot::annotations).reversed().thenComparingInt(Hotspot::number))
                .limit(5).toList();
        List<Map<String, Object>> chart = new ArrayList<>();
        for (ReportViews.GroupReport g : groupReports) {
            chart.add(Map.of("group", g.group(), "reviewers", g.reviewers(), "tags", g.tags()));
        }
        String query = "?" + param("group", group) + param("tag", tag) + param("author", author);
        return Templates.report(id, Document.<Document>findById(id).title, groupReports, tags.bySlug(), group, tag, author, query,
                List.copyOf(readers.current().groupIdsByName().keySet()), readers.current().admin(), hotspots,
                json.writeValueAsString(chart).replace("<", "\\u003c"), readers.current().username());
    }

    /** The finished button: marks or unmarks the document for the group, then back to the report. */
    @POST
    @Path("finished")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finished(@PathParam("id") String id, @RestForm String group, @RestForm String finished) {
        reports.setFinished(id, new ReportViews.Finished(group, "true".equals(finished)), readers.current());
        return Response.seeOther(URI.create("/documents/" + id + "/report?" + param("group", group))).build();
    }

    /** The admin's blind-mode switch for one group (on, or off = the reveal). */
    @POST
    @Path("blind")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response blind(@PathParam("id") String id, @RestForm String group, @RestForm String blind) {
        blindModes.set(id, new BlindModes.Switch(group, "true".equals(blind)), readers.current());
        return Response.seeOther(URI.create("/documents/" + id + "/report?" + param("group", group))).build();
    }

    private static String param(String name, String value) {
        return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&";
    }
}
