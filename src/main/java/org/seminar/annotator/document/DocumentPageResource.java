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
import org.seminar.annotator.web.ProblemException;

/** The documents list (with the import form for admins) and the paragraph-by-paragraph reading view. */
@Path("/documents")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DocumentPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DocumentViews.Summary> documents, String error);

        static native TemplateInstance reading(DocumentViews.Detail doc, long presenceIntervalMillis);
    }

    @Inject
    AnnotatorConfig config;
    @Inject
    DocumentService documents;
    @Inject
    DocumentUploads uploads;
    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list() {
        return Templates.list(documents.list(), null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance reading(@PathParam("id") String id) {
        return Templates.reading(documents.get(id), config.live().presenceInterval().toMillis());
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
            String id = uploads.upload(body, printExtraction != null, user.username());
            return Response.seeOther(URI.create("/documents/" + id)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.list(documents.list(), e.getMessage())).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
