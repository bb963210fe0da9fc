package org.seminar.annotator.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.tag.CodebookImport;
import org.seminar.annotator.tag.TagColours;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * The codebook editor (admins): add, rename, recolour, describe, reorder, retire and bring back tags, and load tags
 * from a QDA program. Server-rendered forms, post then redirect; every change goes through {@link TagService}, which
 * keeps the version rule (a form of a tag changed meanwhile is refused and says so), logs and announces it.
 */
@Path("/admin/codebook")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class CodebookPageResource {

    /**
     * What a refused form sent, shown again with the refusal next to each field: {@code slug} is the tag whose form it
     * was ({@code ""} for the new tag's form), null when no form was refused.
     */
    public record Editing(String slug, Map<String, String> values, Map<String, String> errors, boolean stale) {
        static final Editing NONE = new Editing(null, Map.of(), Map.of(), false);

        /** The value the form shows: what was sent when this form was refused, otherwise the tag's own. */
        public String value(String form, String field, String current) {
            return form.equals(slug) && values.get(field) != null ? values.get(field) : current;
        }

        /** The refusal of one field of one form, or null. */
        public String error(String form, String field) {
            return form.equals(slug) ? errors.get(field) : null;
        }

        public boolean isStale(String form) {
            return stale && form.equals(slug);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codebook(List<TagService.TagView> tags, Editing editing, String paper, String ink,
                CodebookImport.Preview preview, String content, String fileName, String codebookSeparator, String flash, String error);
    }

    @Inject
    TagService tags;
    @Inject
    CodebookImport codebookImport;
    @Inject
    CurrentUser admin;
    @Inject
    Flash flashScope;

    @GET
    public Response codebookPage(@CookieParam(Flash.COOKIE) String flash) {
        return codebookPage(200, Editing.NONE, null, null, null, flashScope.read(flash), null);
    }

    /** A new tag; the slug comes from the name when left empty. */
    @POST
    @Path("tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTag(@RestForm String name, @RestForm String slug, @RestForm String color, @RestForm String description) {
        try {
            TagService.TagView created = tags.create(new TagService.NewTag(slug, name, color, description), admin.username());
            return flashScope.redirect("/admin/codebook#tag-" + created.slug(), "Tag \u201c" + created.name() + "\u201d added.");
        } catch (ProblemException e) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("slug", slug);
            values.put("color", color);
            values.put("description", description);
            return refused("", values, e);
        }
    }

    /** One tag's form: {@code op} is save (name, colour, meaning), up, down, retire or restore; {@code version} what the form read. */
    @POST
    @Path("tags/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTag(@PathParam("slug") String slug, @RestForm String op, @RestForm String version, @RestForm String name,
            @RestForm String color, @RestForm String description) {
        TagService.TagView tag = tags.list().stream().filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No tag '" + slug + "'"));
        Integer read = version == null || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version);
        int place = tags.list().indexOf(tag) + 1;
        String action = op == null ? "save" : op;
        TagService.TagChange change = switch (action) {
            case "save" -> new TagService.TagChange(name, color, description, null, null, read);
            case "up" -> new TagService.TagChange(null, null, null, null, Math.max(1, place - 1), read);
            case "down" -> new TagService.TagChange(null, null, null, null, Math.min(tags.list().size(), place + 1), read);
            case "retire" -> new TagService.TagChange(null, null, null, true, null, read);
            case "restore" -> new TagService.TagChange(null, null, null, false, null, read);
            default -> throw ProblemException.badField("op", "must be save, up, down, retire or restore");
        };
        if (read == null) {
            throw ProblemException.badField("version", "is required: the version of the tag the form shows");
        }
        try {
            TagService.TagView saved = tags.update(slug, change, admin.username());
            String message = switch (action) {
                case "up", "down" -> "Moved \u201c" + saved.name() + "\u201d to place " + (tags.list().indexOf(saved) + 1) + ".";
                case "retire" -> "\u201c" + saved.name() + "\u201d retired: it is no longer offered for new annotations; "
                        + "annotations that carry it keep it.";
                case "restore" -> "\u201c" + saved.name() + "\u201d is back: it is offered for new annotations again.";
                default -> "\u201c" + saved.name() + "\u201d saved.";
            };
            return flashScope.redirect("/admin/codebook#tag-" + slug, message);
        } catch (ProblemException e) {
            Map<String, String> values = new LinkedHashMap<>();
            if (action.equals("save")) {
                values.put("name", name);
                values.put("color", color);
                values.put("description", description);
            }
            return refused(slug, values, e);
        }
    }

    private Response refused(String form, Map<String, String> values, ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError f : e.errors()) {
            errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b);
        }
        String summary = e.isStale()
                ? "This tag was changed meanwhile (in another tab or by another admin); nothing was saved. Reload the codebook and apply your edit again."
                : e.getMessage();
        return codebookPage(e.status(), new Editing(form, values, errors, e.isStale()), null, null, null, null, summary);
    }

    /** Step one: the file's preview (the file travels on in the form); step two (confirm) creates the tags. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCodebook(@RestForm("file") FileUpload file, @RestForm String content, @RestForm String confirm) {
        byte[] bytes;
        String name;
        try {
            if (content != null && !content.isBlank()) {
                bytes = Base64.getDecoder().decode(content);
                name = "the file";
            } else if (file != null && file.uploadedFile() != null) {
                bytes = Files.readAllBytes(file.uploadedFile());
                name = file.fileName();
            } else {
                return codebookPage(400, Editing.NONE, null, null, null, null, "Choose a .qdc or .qdpx file.");
            }
        } catch (IllegalArgumentException | IOException e) {
            return codebookPage(400, Editing.NONE, null, null, null, null, "The file could not be read; choose it again.");
        }
        try {
            if (confirm == null) {
                CodebookImport.Preview preview = codebookImport.preview(bytes);
                return codebookPage(200, Editing.NONE, preview, Base64.getEncoder().encodeToString(CodebookImport.flatCodebook(bytes)), name,
                        null, null);
            }
            CodebookImport.Result result = codebookImport.importFile(bytes, admin.username());
            int n = result.created().size();
            return flashScope.redirect("/admin/codebook", n + (n == 1 ? " tag" : " tags") + " created"
                    + (result.existing() == 0 ? "." : "; " + result.existing() + " existed already and were left as they are."));
        } catch (ProblemException e) {
            return codebookPage(e.status(), Editing.NONE, null, null, null, null, e.getMessage());
        }
    }

    private Response codebookPage(int status, Editing editing, CodebookImport.Preview preview, String content, String fileName, String flash,
            String error) {
        return Response.status(status).entity(Templates.codebook(tags.list(), editing, TagColours.PAPER, TagColours.INK, preview, content,
                fileName, CodebookImport.PATH_SEPARATOR, flash, error)).build();
    }
}
