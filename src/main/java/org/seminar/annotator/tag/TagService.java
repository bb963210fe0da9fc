package org.seminar.annotator.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.storage.Versions;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/** The codebook: listing, adding, renaming, recolouring and retiring tags. */
@ApplicationScoped
public class TagService {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    /** A tag as clients see it. */
    public record TagView(String slug, String name, String color, String description, boolean retired, int version) {
        static TagView of(Tag t) {
            return new TagView(t.slug, t.name, t.color, t.description, t.retired, t.version);
        }
    }

    /** A new tag; the slug is made from the name when absent. */
    public record NewTag(String slug,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String name,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String color,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String description) {
    }

    /** Changes to a tag; absent fields stay as they are; with {@code version}, a tag changed meanwhile answers 409. */
    public record TagChange(String name, String color, String description, Boolean retired, Integer version) {
    }

    /** The codebook changes rarely and is read on every annotation write: kept in memory, dropped on change. */
    private volatile Map<String, TagView> cache;
    private volatile long cachedAt;
    @Inject
    AnnotatorConfig config;

    public List<TagView> list() {
        return List.copyOf(bySlug().values());
    }

    /** Every tag by slug, in codebook order (no transaction while the copy in memory is fresh). */
    public Map<String, TagView> bySlug() {
        Map<String, TagView> current = cache;
        return current != null && System.currentTimeMillis() - cachedAt <= config.caches().codebook().toMillis() ? current : load();
    }

    @Transactional
    Map<String, TagView> load() {
        Map<String, TagView> current = Tag.inOrder().stream().map(TagView::of)
                .collect(Collectors.toMap(TagView::slug, t -> t, (a, b) -> a, LinkedHashMap::new));
        cache = current;
        cachedAt = System.currentTimeMillis();
        return current;
    }

    @Transactional
    public TagView create(NewTag request) {
        if (request == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = checkName(request.name(), errors);
        String slug = request.slug() == null || request.slug().isBlank() ? slugOf(name == null ? "" : name) : request.slug();
        if (!SLUG.matcher(slug).matches() || slug.length() > 64) {
            errors.add(new Problem.FieldError("slug", "must be lower-case letters, digits and single hyphens (at most 64)"));
        }
        String color = checkColor(request.color(), true, errors);
        String description = checkDescription(request.description(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (Tag.findById(slug) != null) {
            throw ProblemException.conflict("A tag with slug '" + slug + "' exists already");
        }
        Tag tag = new Tag();
        tag.slug = slug;
        tag.name = name;
        tag.color = color;
        tag.description = description;
        tag.position = Tag.nextPosition();
        tag.createdAt = tag.updatedAt = Instant.now();
        tag.version = 1;
        tag.persist();
        Versions.writeNew("A tag with slug '" + slug + "' exists already");
        cache = null;
        return TagView.of(tag);
    }

    @Transactional
    public TagView update(String slug, TagChange change) {
        Tag tag = Tag.<Tag>findByIdOptional(slug).orElseThrow(() -> ProblemException.notFound("No tag '" + slug + "'"));
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = change.name() == null ? tag.name : checkName(change.name(), errors);
        String color = change.color() == null ? tag.color : checkColor(change.color(), true, errors);
        String description = change.description() == null ? tag.description : checkDescription(change.description(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (change.version() != null && change.version() != tag.version) {
            throw Versions.lost("tag");
        }
        tag.name = name;
        tag.color = color;
        tag.description = description;
        if (change.retired() != null) {
            tag.retired = change.retired();
        }
        tag.updatedAt = Instant.now();
        Versions.write("tag");
        cache = null;
        return TagView.of(tag);
    }

    private static String checkName(String name, List<Problem.FieldError> errors) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            errors.add(new Problem.FieldError("name", "is required (at most 80 characters)"));
            return null;
        }
        if (TextRules.check("name", name, errors)) {
            return null;
        }
        return name.strip();
    }

    private static String checkColor(String color, boolean required, List<Problem.FieldError> errors) {
        if ((color == null && required) || (color != null && !COLOR.matcher(color).matches())) {
            errors.add(new Problem.FieldError("color", "must be a colour like #2b6cb0"));
            return null;
        }
        return color == null ? null : color.toLowerCase(Locale.ROOT);
    }

    private static String checkDescription(String description, boolean required, List<Problem.FieldError> errors) {
        if ((description == null || description.isBlank()) && required || description != null && description.length() > 400) {
            errors.add(new Problem.FieldError("description", "is required: one sentence defining the tag (at most 400 characters)"));
            return null;
        }
        if (TextRules.check("description", description, errors)) {
            return null;
        }
        return description.strip();
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
