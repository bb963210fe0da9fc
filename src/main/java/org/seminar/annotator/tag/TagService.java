package org.seminar.annotator.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.storage.Versions;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/** The codebook: listing, adding, renaming, recolouring, describing, reordering, retiring and restoring tags. */
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

    /**
     * Changes to a tag; absent fields stay as they are; {@code position} is its place in the codebook (1 first); with
     * {@code version}, a tag changed meanwhile answers 409.
     */
    public record TagChange(String name, String color, String description, Boolean retired, Integer position, Integer version) {
    }

    /** The codebook changed (fired inside the change's transaction): open reading pages are told. */
    public record CodebookChanged(String slug, String actor) {
    }

    /** The codebook changes rarely and is read on every annotation write: kept in memory, dropped on change. */
    private volatile Map<String, TagView> cache;
    private volatile long cachedAt;
    @Inject
    AnnotatorConfig config;
    @Inject
    AdminLog log;
    @Inject
    Event<CodebookChanged> changed;

    public List<TagView> list() {
        return List.copyOf(bySlug().values());
    }

    /** Every tag by slug, in codebook order (no transaction while the copy in memory is fresh). */
    public Map<String, TagView> bySlug() {
        Map<String, TagView> current = cache;
        return current != null && System.currentTimeMillis() - cachedAt <= config.caches().codebook().toMillis() ? current : load();
    }

    /** Forgets the copy in memory: another instance changed the codebook (its announcement was heard here). */
    public void invalidate() {
        cache = null;
    }

    @Transactional
    Map<String, TagView> load() {
        Map<String, TagView> current = Tag.inOrder().stream().map(TagView::of)
                .collect(Collectors.toMap(TagView::slug, t -> t, (a, b) -> a, LinkedHashMap::new));
        cache = current;
        cachedAt = System.currentTimeMillis();
        return current;
    }

    /** Adds a tag (an admin's choice: its colour must be visible on the page); logged and announced. */
    @Transactional
    public TagView create(NewTag request, String actor) {
        TagView created = create(request, true, actor);
        log.record(actor, "tag-create", created.name(), Map.of("slug", created.slug(), "color", created.color()));
        return created;
    }

    /** Adds a tag of an imported codebook: its colour is kept as the QDA program gave it; the import logs itself. */
    TagView createImported(NewTag request, String actor) {
        return create(request, false, actor);
    }

    private TagView create(NewTag request, boolean checkContrast, String actor) {
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
        if (checkContrast) {
            checkContrast(color, errors);
        }
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
        changed.fire(new CodebookChanged(slug, actor));
        return TagView.of(tag);
    }

    /** Renames, recolours, describes, moves, retires or restores a tag; each kind of change logged, the change announced. */
    @Transactional
    public TagView update(String slug, TagChange change, String actor) {
        Tag tag = Tag.<Tag>findByIdOptional(slug).orElseThrow(() -> ProblemException.notFound("No tag '" + slug + "'"));
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = change.name() == null ? tag.name : checkName(change.name(), errors);
        String color = change.color() == null ? tag.color : checkColor(change.color(), true, errors);
        if (color != null && !color.equals(tag.color)) {
            checkContrast(color, errors);
        }
        List<Tag> order = Tag.inOrder();
        if (change.position() != null && (change.position() < 1 || change.position() > order.size())) {
            errors.add(new Problem.FieldError("position", "must be a place in the codebook, 1 to " + order.size()));
        }
        String description = change.description() == null ? tag.description : checkDescription(change.description(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (change.version() != null && change.version() != tag.version) {
            throw Versions.lost("tag");
        }
        Map<String, Object> edits = new LinkedHashMap<>();
        edit(edits, "name", tag.name, name);
        edit(edits, "color", tag.color, color);
        edit(edits, "description", tag.description, description);
        boolean wasRetired = tag.retired;
        int place = order.indexOf(tag) + 1;
        tag.name = name;
        tag.color = color;
        tag.description = description;
        if (change.retired() != null) {
            tag.retired = change.retired();
        }
        if (change.position() != null && change.position() != place) {
            order.remove(tag);
            order.add(change.position() - 1, tag);
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i) != tag && order.get(i).position != i + 1) {
                    // the others keep their version: an open form of another tag is not made stale by a move
                    Tag.getEntityManager().createNativeQuery("update tag set position = :p where slug = :s")
                            .setParameter("p", i + 1).setParameter("s", order.get(i).slug).executeUpdate();
                }
            }
            tag.position = change.position();
        }
        tag.updatedAt = Instant.now();
        Versions.write("tag");
        cache = null;
        changed.fire(new CodebookChanged(slug, actor));
        if (!edits.isEmpty()) {
            log.record(actor, "tag-update", tag.name, edits);
        }
        if (tag.retired != wasRetired) {
            log.record(actor, tag.retired ? "tag-retire" : "tag-restore", tag.name, Map.of("slug", slug));
        }
        if (change.position() != null && change.position() != place) {
            log.record(actor, "tag-move", tag.name, Map.of("from", place, "to", change.position()));
        }
        return TagView.of(tag);
    }

    private static void edit(Map<String, Object> edits, String field, String from, String to) {
        if (to != null && !to.equals(from)) {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", from);
            fromTo.put("to", to);
            edits.put(field, fromTo);
        }
    }

    private static void checkContrast(String color, List<Problem.FieldError> errors) {
        if (color != null) {
            TagColours.problem(color).ifPresent(problem -> errors.add(new Problem.FieldError("color", problem)));
        }
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
