package org.seminar.annotator.participation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.web.ProblemException;

/**
 * A document's participation page: every member for teachers, sortable and printable, with the score
 * form; a reviewer's own progress. (A path of its own: a class at "/" would lose to the document pages' class.)
 */
@Path("/documents/{id}/participation")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ParticipationPageResource {

    /** What the document page shows; {@code error} and the typed values when a score form was refused. */
    public record DocumentPage(ParticipationViews.DocumentParticipation participation, boolean admin, String group, List<String> myGroups,
            String flash, String error, String minAnnotations, String minReplies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(DocumentPage page);
    }

    @Inject
    ParticipationService participation;
    @Inject
    ParticipationScores scores;
    @Inject
    Readers readers;
    @Inject
    Flash flashScope;

    @GET
    public TemplateInstance document(@PathParam("id") String id, @QueryParam("group") String group, @CookieParam(Flash.COOKIE) String flash) {
        return page(id, group, flashScope.read(flash), null, null, null);
    }

    /** The teacher's score form: set (or remove) the score, then back to the page; a refused value re-renders the form. */
    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object score(@PathParam("id") String id, @RestForm String group, @RestForm String minAnnotations, @RestForm String minReplies,
            @RestForm String remove) {
        Reader reader = readers.current();
        if (!reader.admin()) {
            throw ProblemException.forbidden("Only teachers (admins) set the participation score");
        }
        String back = "/documents/" + id + "/participation" + (group == null || group.isBlank() ? "" : "?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8));
        if ("true".equals(remove)) {
            scores.remove(id, reader.username());
            return flashScope.redirect(back, "The score is removed.");
        }
        try {
            ParticipationViews.Score s = scores.set(id, new ParticipationViews.Score(number(minAnnotations), number(minReplies)), reader.username());
            return flashScope.redirect(back, "The score is set: at least " + s.minAnnotations() + " annotations and " + s.minReplies()
                    + " replies before the due date.");
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            String error = String.join("; ", e.errors().stream().map(f -> label(f.field()) + " " + f.message()).toList());
            return Response.status(400).entity(page(id, group, null, error, minAnnotations, minReplies)).build();
        }
    }

    private TemplateInstance page(String id, String group, String flash, String error, String minAnnotations, String minReplies) {
        Reader reader = readers.current();
        ParticipationViews.DocumentParticipation p = participation.ofDocument(id, group, reader);
        if (minAnnotations == null && p.score() != null) {
            minAnnotations = String.valueOf(p.score().minAnnotations());
            minReplies = String.valueOf(p.score().minReplies());
        }
        return Templates.document(new DocumentPage(p, reader.admin(), group, List.copyOf(reader.groupIdsByName().keySet()), flash, error,
                minAnnotations, minReplies));
    }

    /** A form's number; what is not one stays null, and the score names the field. */
    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String label(String field) {
        return switch (field) {
            case "minAnnotations" -> "Annotations:";
            case "minReplies" -> "Replies:";
            default -> field + ":";
        };
    }
}
