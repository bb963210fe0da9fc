package org.seminar.annotator.webannotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.seminar.annotator.annotation.AnnotationService;
import org.seminar.annotator.annotation.AnnotationViews;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.Paragraph;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * The W3C Web Annotation Protocol over a document's annotations: one container per document and
 * seminar group, pages of it, and each annotation as a resource. Every read and write goes through
 * {@link AnnotationService}, so the protocol has the same rules (who may see, who may write, what a
 * valid annotation is, live events) as the JSON API; this class only translates.
 */
@ApplicationScoped
public class AnnotationProtocol {

    /** Annotations per page of a container. */
    public static final int PAGE_SIZE = 100;
    static final String CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
    static final String CONTAINED_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";
    static final String MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

    @Inject
    AnnotationService annotations;
    @Inject
    TagService tags;
    @Inject
    SeminarGroups groups;
    @Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    /** Which representation of the container the client prefers ({@code Prefer: return=representation; include="…"}). */
    public enum Preference {
        DESCRIPTIONS, IRIS, MINIMAL;

        /** Reads a {@code Prefer} header; null when it states no preference this server honours. */
        public static Preference of(String prefer) {
            if (prefer == null || !prefer.contains("return=representation")) {
                return null;
            }
            if (prefer.contains(MINIMAL_CONTAINER)) {
                return MINIMAL;
            }
            if (prefer.contains(CONTAINED_IRIS)) {
                return IRIS;
            }
            if (prefer.contains(CONTAINED_DESCRIPTIONS)) {
                return DESCRIPTIONS;
            }
            return null;
        }
    }

    /** The container a request addresses: the document and the seminar group, named in the IRI when the caller chose it. */
    public record Container(String documentId, String group, boolean groupInIri, String baseUrl) {

        public String iri() {
            return baseUrl + "/annotations/" + documentId + "/" + (groupInIri ? "?group=" + group : "");
        }

        String iri(boolean iris, Integer page) {
            List<String> query = new ArrayList<>();
            if (groupInIri) {
                query.add("group=" + group);
            }
            if (iris) {
                query.add("iris=1");
            }
            if (page != null) {
                query.add("page=" + page);
            }
            return baseUrl + "/annotations/" + documentId + "/" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }

        public String annotationIri(String annotationId) {
            return baseUrl + "/annotations/" + documentId + "/" + annotationId;
        }
    }

    /**
     * The container of a document for the caller: the group asked for ({@code ?group=}, one of the
     * caller's groups, any group for admins), or the caller's only group.
     */
    @Transactional
    public Container container(String documentId, String group, Reader reader, String baseUrl) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        if (group != null && !group.isBlank()) {
            String id = groups.idOf(group).orElseThrow(() -> ProblemException.badField("group", "is not a seminar group"));
            if (!reader.admin() && !reader.groupIds().contains(id)) {
                throw ProblemException.forbidden("You can use the annotation containers of your own seminar groups only");
            }
            return new Container(documentId, group, true, baseUrl);
        }
        if (reader.groupIdsByName().size() == 1 && !reader.admin()) {
            return new Container(documentId, reader.groupIdsByName().keySet().iterator().next(), false, baseUrl);
        }
        if (reader.groupIdsByName().isEmpty() && !reader.admin()) {
            throw ProblemException.forbidden("You are in no seminar group, so there is no annotation container for you");
        }
        throw ProblemException.badField("group", "is required: choose the seminar group of the container"
                + (reader.groupIdsByName().isEmpty() ? "" : " (" + String.join(", ", reader.groupIdsByName().keySet()) + ")"));
    }

    /** The container's description, with its first page embedded as the preference asks. */
    @Transactional
    public Map<String, Object> describe(Container c, Preference preference, Reader reader) {
        List<AnnotationViews.AnnotationView> all = list(c, reader);
        boolean iris = preference == Preference.IRIS;
        int last = Math.max(0, (all.size() - 1) / PAGE_SIZE);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("@context", List.of(WebAnnotations.CONTEXT, "http://www.w3.org/ns/ldp.jsonld"));
        container.put("id", c.iri(iris, null));
        container.put("type", List.of("BasicContainer", "AnnotationCollection"));
        container.put("label", "Annotations of seminar group " + c.group() + " on " + Document.<Document>findById(c.documentId()).title);
        container.put("total", all.size());
        modified(all).ifPresent(m -> container.put("modified", m));
        if (!all.isEmpty()) {
            if (preference == Preference.MINIMAL) {
                container.put("first", c.iri(false, 0));
            } else {
                Map<String, Object> first = page(c, all, 0, iris, paragraphTexts(c.documentId()));
                first.remove("@context");
                first.remove("partOf");
                container.put("first", first);
            }
            container.put("last", c.iri(iris, last));
        }
        return container;
    }

    /** One page of the container: full descriptions, or only IRIs. */
    @Transactional
    public Map<String, Object> page(Container c, int page, boolean iris, Reader reader) {
        List<AnnotationViews.AnnotationView> all = list(c, reader);
        int last = Math.max(0, (all.size() - 1) / PAGE_SIZE);
        if (page < 0 || page > last) {
            throw ProblemException.notFound("The container has pages 0 to " + last);
        }
        return page(c, all, page, iris, paragraphTexts(c.documentId()));
    }

    private Map<String, Object> page(Container c, List<AnnotationViews.AnnotationView> all, int page, boolean iris,
            Map<String, String> texts) {
        int last = Math.max(0, (all.size() - 1) / PAGE_SIZE);
        Map<String, TagService.TagView> codebook = tags.bySlug();
        List<Object> items = new ArrayList<>();
        for (AnnotationViews.AnnotationView v : all.subList(Math.min(all.size(), page * PAGE_SIZE), Math.min(all.size(), (page + 1) * PAGE_SIZE))) {
            items.add(iris ? c.annotationIri(v.id()) : describe(c, v, texts.get(v.paragraphId()), codebook));
        }
        Map<String, Object> partOf = new LinkedHashMap<>();
        partOf.put("id", c.iri(iris, null));
        partOf.put("total", all.size());
        modified(all).ifPresent(m -> partOf.put("modified", m));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", WebAnnotations.CONTEXT);
        out.put("id", c.iri(iris, page));
        out.put("type", "AnnotationPage");
        out.put("partOf", partOf);
        out.put("startIndex", page * PAGE_SIZE);
        if (page > 0) {
            out.put("prev", c.iri(iris, page - 1));
        }
        if (page < last) {
            out.put("next", c.iri(iris, page + 1));
        }
        out.put("items", items);
        return out;
    }

    /** One annotation as a W3C Web Annotation. */
    public Map<String, Object> describe(Container c, AnnotationViews.AnnotationView v, String paragraphText,
            Map<String, TagService.TagView> codebook) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", WebAnnotations.CONTEXT);
        a.put("id", c.annotationIri(v.id()));
        a.put("type", "Annotation");
        a.put("motivation", WebAnnotations.motivation(v.comment()));
        a.put("creator", WebAnnotations.person(c.baseUrl(), v.author(), v.authorName()));
        a.put("created", WebAnnotations.iso(v.created()));
        a.put("modified", WebAnnotations.iso(v.updated()));
        a.put("body", WebAnnotations.bodies(v.tags(), v.comment(), codebook));
        a.put("target", WebAnnotations.target(c.baseUrl(), v.documentId(), v.paragraphId(), paragraphText, v.start(), v.end(),
                v.quote(), v.prefix(), v.suffix()));
        return a;
    }

    @Transactional
    public Map<String, Object> describe(Container c, AnnotationViews.AnnotationView v) {
        return describe(c, v, Paragraph.<Paragraph>findById(v.paragraphId()).text, tags.bySlug());
    }

    /** An annotation and its container, read once: the group asked for, or else the annotation's own group. */
    public record Located(Container container, AnnotationViews.AnnotationView annotation) {
    }

    @Transactional
    public Located locate(String documentId, String annotationId, String group, Reader reader, String baseUrl) {
        AnnotationViews.AnnotationView v = annotations.get(annotationId, reader);
        Container c = container(documentId, group == null || group.isBlank() ? v.group() : group, reader, baseUrl);
        if (!v.documentId().equals(c.documentId()) || !c.group().equals(v.group())) {
            throw ProblemException.notFound("No annotation " + annotationId + " in this container");
        }
        return new Located(c, v);
    }

    /**
     * Creates an annotation from a W3C annotation posted to the container. Not in a transaction, like the JSON API's
     * create: the paragraph is read with one query whose connection goes back to the pool at once, and the write then
     * waits for its group commit holding no pool connection, so that a burst of posts cannot take every connection
     * while the group-commit writers wait for one.
     */
    public AnnotationViews.AnnotationView create(Container c, JsonNode json, Reader reader) {
        WebAnnotations.Sent sent = WebAnnotations.read(json, tags.bySlug());
        sameDocument(c, sent.passage());
        String text = documentAccess.paragraphForWriting(c.documentId(), sent.passage().paragraphId(), reader.admin(), reader.groupIds());
        if (text == null) {
            throw notAParagraph();
        }
        int[] at = WebAnnotations.place(sent.passage(), text);
        try {
            return annotations.create(c.documentId(), new AnnotationViews.NewAnnotation(sent.passage().paragraphId(), at[0], at[1],
                    text.substring(at[0], at[1]), sent.tags(), sent.comment(), c.group()), reader);
        } catch (ProblemException e) {
            throw inW3cTerms(e);
        }
    }

    /** Replaces an annotation's tags and comment with those of the W3C annotation sent; its passage cannot move. */
    @Transactional
    public AnnotationViews.AnnotationView replace(Container c, AnnotationViews.AnnotationView now, int version, JsonNode json, Reader reader) {
        String annotationId = now.id();
        WebAnnotations.Sent sent = WebAnnotations.read(json, tags.bySlug());
        int[] at = place(c, sent.passage());
        if (!sent.passage().paragraphId().equals(now.paragraphId()) || at[0] != now.start() || at[1] != now.end()) {
            throw ProblemException.badField("target", "an annotation's passage cannot change: delete it and create a new one");
        }
        try {
            return annotations.update(annotationId, new AnnotationViews.AnnotationChange(version, sent.tags(),
                    sent.comment() == null ? "" : sent.comment()), reader);
        } catch (ProblemException e) {
            throw inW3cTerms(e);
        }
    }

    @Transactional
    public void delete(String annotationId, int version, Reader reader) {
        annotations.delete(annotationId, version, reader);
    }

    private int[] place(Container c, WebAnnotations.Passage passage) {
        sameDocument(c, passage);
        Paragraph paragraph = Paragraph.inDocument(c.documentId(), passage.paragraphId()).orElseThrow(AnnotationProtocol::notAParagraph);
        return WebAnnotations.place(passage, paragraph.text);
    }

    private static void sameDocument(Container c, WebAnnotations.Passage passage) {
        if (!passage.documentId().equals(c.documentId())) {
            throw ProblemException.badField("target.source", "must be a paragraph of document " + c.documentId());
        }
    }

    private static ProblemException notAParagraph() {
        return ProblemException.badField("target.source", "is not a paragraph of this document");
    }

    /** The JSON API's field names in a refusal, as a W3C client knows them. */
    private static ProblemException inW3cTerms(ProblemException e) {
        if (e.errors().isEmpty()) {
            return e;
        }
        Map<String, String> names = Map.of("paragraphId", "target.source", "start", "target.selector", "end", "target.selector",
                "quote", "target.selector", "tags", "body", "comment", "body", "group", "group");
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(names.getOrDefault(f.field().replaceAll("\\[\\d+]$", ""), f.field()), f.message())).toList();
        return new ProblemException(e.status(), e.title(), e.getMessage(), errors);
    }

    private List<AnnotationViews.AnnotationView> list(Container c, Reader reader) {
        return annotations.list(c.documentId(), new AnnotationService.Filter(null, null, null, c.group(), null, null), reader);
    }

    private static Map<String, String> paragraphTexts(String documentId) {
        return Paragraph.ofDocument(documentId).stream().collect(Collectors.toMap(p -> p.id, p -> p.text));
    }

    private static java.util.Optional<String> modified(List<AnnotationViews.AnnotationView> all) {
        return all.stream().map(AnnotationViews.AnnotationView::updated).filter(Objects::nonNull).max(Instant::compareTo)
                .map(WebAnnotations::iso);
    }
}
