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

    /**
     * The container a request addresses: a document and one seminar group. Its IRI has no query: the group's own container
     * {@code /annotations/{documentId}/{groupId}/}, or, for a reviewer of one group who did not name it,
     * {@code /annotations/{documentId}/} ({@code groupInIri} false). Its annotations' IRIs are always inside the group's
     * container, so they start with either.
     */
    public record Container(String documentId, String group, String groupId, boolean groupInIri, String baseUrl) {

        public String iri() {
            return groupInIri ? WebAnnotations.groupContainerIri(baseUrl, documentId, groupId) : baseUrl + "/annotations/" + documentId + "/";
        }

        String iri(boolean iris, Integer page) {
            List<String> query = new ArrayList<>();
            if (iris) {
                query.add("iris=1");
            }
            if (page != null) {
                query.add("page=" + page);
            }
            return iri() + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }

        public String annotationIri(String annotationId) {
            return WebAnnotations.annotationIri(baseUrl, documentId, groupId, annotationId);
        }
    }

    /** One container a caller may use on a document: its IRI and its group's name. */
    public record Choice(String id, String group) {
    }

    /**
     * The container of a document for the caller: the group named by id in the path ({@code groupId}), or by name
     * ({@code ?group=}, the older address), one of the caller's groups (any group for admins); or else the caller's only
     * group.
     */
    @Transactional
    public Container container(String documentId, String groupId, String group, Reader reader, String baseUrl) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        if (groupId != null) {
            String name = reader.groupIdsByName().entrySet().stream().filter(e -> e.getValue().equals(groupId)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (name == null && reader.admin()) {
                name = groups.nameOf(groupId);
                if (name.equals(groupId) && groups.idOf(name).isEmpty()) {
                    name = null;
                }
            }
            if (name == null) {
                throw ProblemException.notFound("No annotation container of this seminar group here");
            }
            return new Container(documentId, name, groupId, true, baseUrl);
        }
        if (group != null && !group.isBlank()) {
            String id = groups.idOf(group).orElseThrow(() -> ProblemException.badField("group", "is not a seminar group"));
            if (!reader.admin() && !reader.groupIds().contains(id)) {
                throw ProblemException.forbidden("You can use the annotation containers of your own seminar groups only");
            }
            return new Container(documentId, group, id, true, baseUrl);
        }
        if (reader.groupIdsByName().size() == 1 && !reader.admin()) {
            Map.Entry<String, String> only = reader.groupIdsByName().entrySet().iterator().next();
            return new Container(documentId, only.getKey(), only.getValue(), false, baseUrl);
        }
        if (reader.groupIdsByName().isEmpty() && !reader.admin()) {
            throw ProblemException.forbidden("You are in no seminar group, so there is no annotation container for you");
        }
        throw ProblemException.badField("group", "is required: choose the seminar group's container ("
                + choices(documentId, reader, baseUrl).stream().map(c -> c.group() + ": " + c.id()).collect(Collectors.joining(", ")) + ")");
    }

    /** The containers a caller of several groups (or an admin) chooses from: one per group (for admins, per group of the document). */
    @Transactional
    public List<Choice> choices(String documentId, Reader reader, String baseUrl) {
        Map<String, String> byName = new java.util.TreeMap<>(reader.groupIdsByName());
        if (reader.admin()) {
            for (String id : documentGroupIds(documentId)) {
                byName.putIfAbsent(groups.nameOf(id), id);
            }
        }
        return byName.entrySet().stream().map(e -> new Choice(WebAnnotations.groupContainerIri(baseUrl, documentId, e.getValue()), e.getKey()))
                .toList();
    }

    /** Whether the caller has one container on the document, so that {@code /annotations/{documentId}/} is it. */
    public boolean hasOneContainer(Reader reader) {
        return reader.groupIdsByName().size() == 1 && !reader.admin();
    }

    /** The groups whose members open the document: those it is given to, or every group known when it is given to none. */
    private List<String> documentGroupIds(String documentId) {
        List<String> given = documentAccess.groupsOf(documentId);
        return given.isEmpty() ? org.seminar.annotator.group.SeminarGroup.<org.seminar.annotator.group.SeminarGroup>listAll().stream()
                .map(g -> g.id).toList() : given;
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
        if (v.canonical() != null) {
            a.put("canonical", v.canonical());
        }
        if (v.via() != null) {
            a.put("via", v.via());
        }
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

    /**
     * An annotation at its IRI ({@code groupId} given) or at its older address {@code /annotations/{documentId}/{annotationId}}
     * (with or without {@code ?group=}); either way it is described with its one IRI.
     */
    @Transactional
    public Located locate(String documentId, String groupId, String annotationId, String group, Reader reader, String baseUrl) {
        AnnotationViews.AnnotationView v = annotations.get(annotationId, reader);
        boolean inGroup = groupId == null ? group == null || group.isBlank() || group.equals(v.group()) : groupId.equals(v.groupId());
        if (!v.documentId().equals(documentId) || !inGroup) {
            throw ProblemException.notFound("No annotation " + annotationId + " in this container");
        }
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        return new Located(new Container(documentId, v.group(), v.groupId(), true, baseUrl), v);
    }

    /**
     * Creates an annotation from a W3C annotation posted to the container. Not in a transaction, like the JSON API's
     * create: the paragraph is read with one query whose connection goes back to the pool at once, and the write then
     * waits for its group commit holding no pool connection, so that a burst of posts cannot take every connection
     * while the group-commit writers wait for one.
     */
    public AnnotationViews.AnnotationView create(Container c, JsonNode json, String slug, Reader reader) {
        WebAnnotations.Sent sent = WebAnnotations.read(json, tags.bySlug());
        sameDocument(c, sent.passage());
        String text = documentAccess.paragraphForWriting(c.documentId(), sent.passage().paragraphId(), reader.admin(), reader.groupIds());
        if (text == null) {
            throw notAParagraph();
        }
        int[] at = WebAnnotations.place(sent.passage(), text);
        try {
            return annotations.create(c.documentId(), new AnnotationViews.NewAnnotation(sent.passage().paragraphId(), at[0], at[1],
                    text.substring(at[0], at[1]), sent.tags(), sent.comment(), c.group()),
                    new AnnotationViews.Provenance(safeSlug(slug), sent.canonical(), sent.via()), reader);
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

    /** Lowercase letters, digits and dashes, 3 to 32 long, and not shaped like a group id: a Slug that can name an annotation safely. */
    static String safeSlug(String slug) {
        if (slug == null) {
            return null;
        }
        String s = slug.strip().toLowerCase(java.util.Locale.ROOT);
        return s.matches("[a-z0-9][a-z0-9-]{2,31}") && !s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? s : null;
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
