package org.example.seminar.usage;

import java.io.File;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.example.seminar.ApiClient;
import org.example.seminar.api.AnnotationApi;
import org.example.seminar.api.DocumentAnnotationsApi;
import org.example.seminar.api.DocumentApi;
import org.example.seminar.api.MeApi;
import org.example.seminar.api.ReportApi;
import org.example.seminar.api.ReviewApi;
import org.example.seminar.api.TagApi;
import org.example.seminar.model.AnnotationView;
import org.example.seminar.model.Detail;
import org.example.seminar.model.NewAnnotation;
import org.example.seminar.model.NewReply;
import org.example.seminar.model.ParagraphView;
import org.example.seminar.model.ReplyView;
import org.example.seminar.model.SectionView;

/**
 * What a script written against the client that openapi-generator makes from /q/openapi does, as its author would write
 * it: the generated classes only, no hand edits. GeneratedClientTest compiles this beside the generated client and runs it.
 */
public final class SeminarRoundTrip {

    private SeminarRoundTrip() {
    }

    private static ApiClient client(String baseUri, String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(baseUri);
        client.setBearerToken(token);
        client.setReadTimeout(120_000); // a PDF import reads the whole PDF before it answers
        return client;
    }

    /** Tokens: an admin, a reviewer who annotates, a reviewer of the same group who replies. What was seen, by name. */
    public static Map<String, Object> run(String baseUri, String admin, String reviewer, String replier, File pdf) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();

        // an admin imports a journal PDF and publishes it after the review
        String id = new DocumentApi(client(baseUri, admin)).documentCreate(pdf).execute().getId();
        seen.put("imported", id);
        seen.put("reviewSections", new ReviewApi(client(baseUri, admin)).reviewGet(id).execute().getSections().size());
        new ReviewApi(client(baseUri, admin)).publish(id).execute();

        // a reviewer finds it, reads it and annotates a passage of its first paragraph
        DocumentApi documents = new DocumentApi(client(baseUri, reviewer));
        seen.put("listed", documents.documentList().execute().stream().anyMatch(d -> d.getId().equals(id)));
        Detail detail = documents.documentGet(id).execute();
        seen.put("title", detail.getTitle());
        seen.put("correctedAt", String.valueOf(detail.getCorrectedAt()));
        ParagraphView paragraph = null;
        for (SectionView section : detail.getSections()) {
            for (ParagraphView p : section.getParagraphs()) {
                if (paragraph == null && p.getText().length() > 40) {
                    paragraph = p;
                }
            }
        }
        String quote = paragraph.getText().substring(0, 30);
        NewAnnotation annotation = new NewAnnotation();
        annotation.setParagraphId(paragraph.getId());
        annotation.setStart(0);
        annotation.setEnd(30);
        annotation.setQuote(quote);
        annotation.setTags(List.of("neutrality"));
        annotation.setComment("Seen through the generated client");
        AnnotationView created = new DocumentAnnotationsApi(client(baseUri, reviewer)).documentAnnotationsCreate(id, annotation).execute();
        seen.put("annotation", created.getId());
        seen.put("quote", created.getQuote());

        // another reviewer of the group replies
        NewReply reply = new NewReply();
        reply.setComment("A reply through the generated client");
        ReplyView replied = new AnnotationApi(client(baseUri, replier)).reply(created.getId(), reply).execute();
        seen.put("reply", replied.getId());

        AnnotationApi annotations = new AnnotationApi(client(baseUri, reviewer));
        seen.put("replies", annotations.annotationGet(created.getId()).execute().getReplies().size());
        seen.put("history", annotations.history(created.getId()).execute().size());
        seen.put("listedAnnotations", new DocumentAnnotationsApi(client(baseUri, reviewer))
                .documentAnnotationsList(id).execute().size());

        // every download
        ReportApi reports = new ReportApi(client(baseUri, reviewer));
        seen.put("report", reports.getReport(id).execute().getActualInstance().getClass().getSimpleName());
        seen.put("csv", reports.downloadReportCsv(id).execute());
        seen.put("markdown", reports.downloadReportMarkdown(id).execute());
        seen.put("jsonld", reports.downloadAnnotationsJsonLd(id).execute());
        File qdpx = reports.downloadQdpx(id).execute();
        try (ZipFile zip = new ZipFile(qdpx)) {
            seen.put("qdpxProject", zip.getEntry("project.qde") != null);
        }
        Files.deleteIfExists(qdpx.toPath());

        seen.put("tags", new TagApi(client(baseUri, reviewer)).tagList().execute().size());
        seen.put("me", new MeApi(client(baseUri, reviewer)).me().execute().getUsername());
        return seen;
    }
}
