package org.seminar.annotator.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.ProblemException;

/** The search page: the box, and a page of results that open their place on the reading page. */
@Path("/search")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SearchPageResource {

    /** What the page shows: the query as typed, the results (null before a search), a refusal, and the links to other pages. */
    public record SearchPage(String q, SearchViews.Results results, String error, String previous, String next) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchPage page);
    }

    @Inject
    SearchService search;
    @Inject
    Readers readers;

    @GET
    public Response page(@QueryParam("q") String q, @QueryParam("offset") String offset) {
        if (q == null || q.isBlank()) {
            return Response.ok(Templates.search(new SearchPage("", null, null, null, null))).build();
        }
        try {
            Integer o = ParameterRules.integer("offset", offset, 0, SearchResource.LAST_OFFSET);
            SearchViews.Results results = search.search(q, o == null ? 0 : o, SearchResource.LIMIT, readers.current());
            String previous = results.offset() > 0 ? link(results.query(), Math.max(0, results.offset() - results.limit())) : null;
            String next = results.nextOffset() == null ? null : link(results.query(), results.nextOffset());
            return Response.ok(Templates.search(new SearchPage(q, results, null, previous, next))).build();
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            String error = "The search " + e.errors().get(0).message() + ".";
            return Response.status(400).entity(Templates.search(new SearchPage(q, null, error, null, null))).build();
        }
    }

    private static String link(String q, int offset) {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (offset == 0 ? "" : "&offset=" + offset);
    }
}
