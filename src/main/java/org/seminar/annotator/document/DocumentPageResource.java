package org.seminar.annotator.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.web.ProblemException;

/** The documents list (with the import form for admins) and the paragraph-by-paragraph reading view. */
@Path("/documents")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DocumentPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DocumentViews.Summary> documents, java.util.Map<String, String> distinctions, String error,
                String flash);

        static native TemplateInstance archived(String title, String archivedOn, String archivedBy);

        static native TemplateInstance manage(DocumentViews.Summary document, List<String> groups, String error);

        static native TemplateInstance delete(DocumentAdministration.Usage usage);

        static native TemplateInstance reading(DocumentViews.Detail doc, long presenceIntervalMillis);
    }

    @Inject
    Flash flashScope;
    @Inject
    AnnotatorConfig config;
    @Inject
    DocumentService documents;
    @Inject
    DocumentUploads uploads;
    @Inject
    CurrentUser user;
    @Inject
    DocumentAdministration administration;
    @Inject
    DocumentAccess access;
    @Inject
    ReadingVisits visits;

    @GET
    public TemplateInstance list(@jakarta.ws.rs.CookieParam(Flash.COOKIE) String flash) {
        List<DocumentViews.Summary> listed = documents.list();
        return Templates.list(listed, documents.distinctions(listed), null, flashScope.read(flash));
    }

    /** An admin's page for one document: title, groups, due date, archive; and the way to deletion. */
    @GET
    @Path("{id}/manage")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance manage(@PathParam("id") String id) {
        Document d = Document.findById(id);
        return Templates.manage(administration.summary(d == null ? notFound(id) : d), administration.groupNames(), null);
    }

    @POST
    @Path("{id}/manage")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveManage(@PathParam("id") String id, @RestForm String title, @RestForm String dueDate,
            @RestForm("groups") List<String> groups, @RestForm String archived) {
        try {
            DocumentViews.Summary saved = administration.update(id, new DocumentAdministration.DocumentChange(title, archived != null,
                    groups == null ? List.of() : groups, dueDate == null ? "" : dueDate), user.username());
            return flash("Saved \u201c" + saved.title() + "\u201d" + (saved.archived() ? " (archived: hidden from reviewers)." : "."));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.manage(administration.summary(Document.findById(id)),
                    administration.groupNames(), e.getMessage())).build();
        }
    }

    /** Deletion asks first, saying what goes with the document. */
    @GET
    @Path("{id}/delete")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return Templates.delete(administration.usage(id));
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id) {
        DocumentAdministration.Usage gone = administration.delete(id, user.username());
        return flash("Deleted \u201c" + gone.title() + "\u201d with " + gone.annotations() + (gone.annotations() == 1 ? " annotation" : " annotations")
                + " and " + gone.replies() + (gone.replies() == 1 ? " reply." : " replies."));
    }

    private Response flash(String message) {
        return flashScope.redirect("/documents", message);
    }

    private static Document notFound(String id) {
        throw ProblemException.notFound("No document with id " + id);
    }

    @GET
    @Path("{id}")
    public Response reading(@PathParam("id") String id) {
        if (access.archivedForCaller(id)) {
            // an old bookmark of someone who read it: say what happened, not "no such document" (410 Gone)
            Document d = Document.findById(id);
            return Response.status(Response.Status.GONE).entity(Templates.archived(d.title,
                    d.archivedAt == null ? null : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                            .format(d.archivedAt.atZone(java.time.ZoneOffset.UTC)), d.archivedBy)).build();
        }
        DocumentViews.Detail detail = documents.get(id);
        visits.record(id, user.username());
        return Response.ok(Templates.reading(detail, config.live().presenceInterval().toMillis())).build();
    }

    /** The import form: a file or pasted text, with the print-extraction repairs when ticked. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("text") String text,
            @RestForm("printExtraction") String printExtraction) {
        try {
            byte[] body = file != null && file.size() > 0 ? Files.readAllBytes(file.uploadedFile())
                    : text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (DocumentUploads.isPdf(body)) {
                // a PDF import is a draft: the teacher checks what was read before the groups see it
                return Response.seeOther(URI.create("/documents/" + uploads.uploadPdf(body, user.username()) + "/review")).build();
            }
            return Response.seeOther(URI.create("/documents/" + uploads.upload(body, printExtraction != null, user.username()))).build();
        } catch (ProblemException e) {
            List<DocumentViews.Summary> listed = documents.list();
            Response.ResponseBuilder page = Response.status(e.status()).entity(Templates.list(listed, documents.distinctions(listed), e.getMessage(), null));
            return (e.retryAfterSeconds() > 0 ? page.header("Retry-After", e.retryAfterSeconds()) : page).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
