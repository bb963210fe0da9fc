package org.seminar.annotator.participation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Readers;

/** A group's participation over the term: every member for teachers, one's own totals for a reviewer. */
@Path("/participation")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TermParticipationPageResource {

    /** What the term page shows. */
    public record TermPage(ParticipationViews.TermParticipation term, boolean admin, List<String> myGroups) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance term(TermPage page);
    }

    @Inject
    ParticipationService participation;
    @Inject
    Readers readers;

    @GET
    public TemplateInstance term(@QueryParam("group") String group) {
        Reader reader = readers.current();
        if ((group == null || group.isBlank()) && reader.admin() && !reader.groupIdsByName().isEmpty()) {
            group = reader.groupIdsByName().keySet().iterator().next();
        }
        return Templates.term(new TermPage(participation.ofTerm(group, reader), reader.admin(), List.copyOf(reader.groupIdsByName().keySet())));
    }
}
