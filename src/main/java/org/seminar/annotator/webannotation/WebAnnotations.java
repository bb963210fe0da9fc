package org.seminar.annotator.webannotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * The W3C Web Annotation shape of an annotation, both ways: one owner for how a passage becomes a
 * target (the paragraph's URL with a {@code TextQuoteSelector} and a {@code TextPositionSelector}
 * counting code points, as the model does; the API counts UTF-16 units), how tags become
 * {@code tagging} bodies and a comment a {@code commenting} body, and how such an annotation sent by
 * a W3C client is read back. Used by the protocol container and by the JSON-LD export.
 */
public final class WebAnnotations {

    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    private static final Pattern PARAGRAPH = Pattern.compile("/api/documents/([^/?#]+)/paragraphs/([^/?#]+)$");

    private WebAnnotations() {
    }

    /**
     * The one IRI of an annotation, in the protocol, the JSON-LD export and the JSON API alike: inside its seminar group's
     * container, {@code /annotations/{documentId}/{groupId}/{annotationId}} (the group's id, not its name, so that a
     * renamed group keeps its annotations' IRIs).
     */
    public static String annotationIri(String baseUrl, String documentId, String groupId, String annotationId) {
        return groupContainerIri(baseUrl, documentId, groupId) + annotationId;
    }

    /** The container of one seminar group's annotations on a document, an address without a query. */
    public static String groupContainerIri(String baseUrl, String documentId, String groupId) {
        return baseUrl + "/annotations/" + documentId + "/" + groupId + "/";
    }

    /** The URL of a paragraph, the {@code source} of every target. */
    public static String paragraphUrl(String baseUrl, String documentId, String paragraphId) {
        return baseUrl + "/api/documents/" + documentId + "/paragraphs/" + paragraphId;
    }

    /** A passage of a paragraph as a target: the paragraph's URL, the quote with its context, and its position in code points. */
    public static Map<String, Object> target(String baseUrl, String documentId, String paragraphId, String paragraphText, int start,
            int end, String quote, String prefix, String suffix) {
        Map<String, Object> quoteSelector = new LinkedHashMap<>();
        quoteSelector.put("type", "TextQuoteSelector");
        quoteSelector.put("exact", quote);
        quoteSelector.put("prefix", prefix);
        quoteSelector.put("suffix", suffix);
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("type", "TextPositionSelector");
        position.put("start", paragraphText.codePointCount(0, start));
        position.put("end", paragraphText.codePointCount(0, end));
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", paragraphUrl(baseUrl, documentId, paragraphId));
        // an annotation that needs attention after a correction has its quote but no place in the text
        target.put("selector", end > start ? List.of(quoteSelector, position) : List.of(quoteSelector));
        return target;
    }

    /** One {@code tagging} body per tag (the codebook's name) and a {@code commenting} body for the comment. */
    public static List<Map<String, Object>> bodies(List<String> tagSlugs, String comment, Map<String, TagService.TagView> codebook) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String slug : tagSlugs) {
            TagService.TagView tag = codebook.get(slug);
            bodies.add(body(tag == null ? slug : tag.name(), "tagging", null));
        }
        if (comment != null) {
            bodies.add(body(comment, "commenting", "text/markdown"));
        }
        return bodies;
    }

    public static Map<String, Object> body(String value, String purpose, String format) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "TextualBody");
        b.put("value", value);
        b.put("purpose", purpose);
        if (format != null) {
            b.put("format", format);
        }
        return b;
    }

    public static Map<String, Object> person(String baseUrl, String username, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", baseUrl + "/users/" + username);
        p.put("type", "Person");
        p.put("name", name);
        p.put("nickname", username);
        return p;
    }

    public static String motivation(String comment) {
        return comment == null ? "tagging" : "commenting";
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    // ---- reading what a W3C client sends --------------------------------------------------------

    /** Where an annotation sent by a client points: a paragraph and a passage in UTF-16 units. */
    public record Passage(String documentId, String paragraphId, Integer start, Integer end, String exact, String prefix, String suffix) {
    }

    /** What a client's annotation says, before it is placed in a paragraph's text; its {@code canonical} and {@code via} IRIs as sent. */
    public record Sent(Passage passage, List<String> tags, String comment, String canonical, String via) {
    }

    /**
     * Reads an annotation a W3C client sent: its type, its one target (a paragraph's URL with a quote
     * and/or position selector) and its bodies (tagging bodies naming tags by name or slug, at most one
     * commenting body, or {@code bodyValue}). Problems name the W3C fields ({@code target.selector},
     * {@code body[1].value}); nothing is checked against the stored text here.
     */
    public static Sent read(JsonNode json, Map<String, TagService.TagView> codebook) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) {
            throw ProblemException.badField("body", "must be a JSON-LD object, a W3C Web Annotation");
        }
        if (!hasType(json.get("type"), "Annotation")) {
            errors.add(new Problem.FieldError("type", "must be \"Annotation\""));
        }
        Passage passage = readTarget(json.get("target"), errors);
        List<String> tags = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        JsonNode bodies = json.get("body");
        List<JsonNode> list = new ArrayList<>();
        if (bodies != null && bodies.isArray()) {
            bodies.forEach(list::add);
        } else if (bodies != null && !bodies.isNull()) {
            list.add(bodies);
        }
        String motivation = json.path("motivation").isTextual() ? json.path("motivation").asText() : null;
        for (int i = 0; i < list.size(); i++) {
            String field = bodies.isArray() ? "body[" + i + "]" : "body";
            JsonNode body = list.get(i);
            if (body.isTextual()) {
                errors.add(new Problem.FieldError(field, "must be a TextualBody object (an IRI body is not supported)"));
                continue;
            }
            if (!hasType(body.get("type"), "TextualBody") && !(body.get("type") == null && body.has("value"))) {
                errors.add(new Problem.FieldError(field + ".type", "must be \"TextualBody\""));
                continue;
            }
            if (!body.path("value").isTextual()) {
                errors.add(new Problem.FieldError(field + ".value", "is required: text"));
                continue;
            }
            String value = body.get("value").asText();
            String purpose = body.path("purpose").isTextual() ? body.get("purpose").asText() : motivation;
            if ("tagging".equals(purpose)) {
                String slug = tagSlug(value, codebook);
                if (slug == null) {
                    errors.add(new Problem.FieldError(field + ".value", "'" + value + "' is not a tag of the codebook"));
                } else if (!tags.contains(slug)) {
                    tags.add(slug);
                }
            } else if (purpose == null || purpose.equals("commenting") || purpose.equals("describing")) {
                comments.add(value);
            } else {
                errors.add(new Problem.FieldError(field + ".purpose", "must be \"tagging\" or \"commenting\""));
            }
        }
        if (json.path("bodyValue").isTextual()) {
            comments.add(json.get("bodyValue").asText());
        }
        if (comments.size() > 1) {
            errors.add(new Problem.FieldError("body", "at most one commenting body"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        // the IRI a client gave its annotation is kept as via (the server names it anew), and its canonical IRI as sent
        String via = json.path("id").isTextual() ? json.get("id").asText() : json.path("via").isTextual() ? json.get("via").asText() : null;
        String canonical = json.path("canonical").isTextual() ? json.get("canonical").asText() : null;
        return new Sent(passage, tags, comments.isEmpty() ? null : comments.get(0), canonical, via);
    }

    private static Passage readTarget(JsonNode target, List<Problem.FieldError> errors) {
        String field = "target";
        if (target != null && target.isArray()) {
            if (target.size() != 1) {
                errors.add(new Problem.FieldError("target", "must be one target: a passage of a paragraph"));
                return null;
            }
            target = target.get(0);
            field = "target[0]";
        }
        if (target == null || !target.isObject()) {
            errors.add(new Problem.FieldError("target", "is required: an object with the paragraph's URL as source and a selector"));
            return null;
        }
        Matcher m = PARAGRAPH.matcher(target.path("source").asText(""));
        if (!m.find()) {
            errors.add(new Problem.FieldError(field + ".source", "must be the URL of a paragraph (…/api/documents/{id}/paragraphs/{paragraphId})"));
            return null;
        }
        JsonNode selectors = target.get("selector");
        List<JsonNode> list = new ArrayList<>();
        if (selectors != null && selectors.isArray()) {
            selectors.forEach(list::add);
        } else if (selectors != null) {
            list.add(selectors);
        }
        Integer start = null;
        Integer end = null;
        String exact = null;
        String prefix = null;
        String suffix = null;
        for (JsonNode s : list) {
            String type = s.path("type").asText("");
            if (type.equals("TextPositionSelector")) {
                if (!s.path("start").canConvertToInt() || !s.path("end").canConvertToInt() || !s.path("start").isIntegralNumber()
                        || !s.path("end").isIntegralNumber() || s.get("start").asInt() < 0 || s.get("end").asInt() < s.get("start").asInt()) {
                    errors.add(new Problem.FieldError(field + ".selector", "a TextPositionSelector needs whole numbers 0 ≤ start ≤ end"));
                    return null;
                }
                start = s.get("start").asInt();
                end = s.get("end").asInt();
            } else if (type.equals("TextQuoteSelector")) {
                if (!s.path("exact").isTextual() || s.get("exact").asText().isEmpty()) {
                    errors.add(new Problem.FieldError(field + ".selector", "a TextQuoteSelector needs its exact text"));
                    return null;
                }
                exact = s.get("exact").asText();
                prefix = s.path("prefix").isTextual() ? s.get("prefix").asText() : null;
                suffix = s.path("suffix").isTextual() ? s.get("suffix").asText() : null;
            }
        }
        if (start == null && exact == null) {
            errors.add(new Problem.FieldError(field + ".selector", "needs a TextQuoteSelector or a TextPositionSelector"));
            return null;
        }
        return new Passage(m.group(1), m.group(2), start, end, exact, prefix, suffix);
    }

    /**
     * Places a passage in its paragraph's text: positions (code points) become UTF-16 offsets and must
     * cut out the quote when both are given; a quote alone is found in the text, its prefix and suffix
     * choosing among several occurrences. Returns {start, end} in UTF-16 units.
     */
    public static int[] place(Passage passage, String text) {
        if (passage.start() != null) {
            int length = text.codePointCount(0, text.length());
            if (passage.end() > length) {
                throw ProblemException.badField("target.selector", "the TextPositionSelector ends after the paragraph (" + length
                        + " characters)");
            }
            int start = text.offsetByCodePoints(0, passage.start());
            int end = text.offsetByCodePoints(0, passage.end());
            if (passage.exact() != null && !text.substring(start, end).equals(passage.exact())) {
                throw ProblemException.badField("target.selector", "the TextQuoteSelector's exact text is not the text at the"
                        + " TextPositionSelector's positions");
            }
            return new int[] {start, end};
        }
        int best = -1;
        int bestScore = -1;
        for (int at = text.indexOf(passage.exact()); at >= 0; at = text.indexOf(passage.exact(), at + 1)) {
            int score = 0;
            if (passage.prefix() != null && text.substring(0, at).endsWith(passage.prefix())) {
                score++;
            }
            if (passage.suffix() != null && text.substring(at + passage.exact().length()).startsWith(passage.suffix())) {
                score++;
            }
            if (score > bestScore) {
                best = at;
                bestScore = score;
            }
        }
        if (best < 0) {
            throw ProblemException.badField("target.selector", "the TextQuoteSelector's exact text is not in the paragraph");
        }
        return new int[] {best, best + passage.exact().length()};
    }

    private static boolean hasType(JsonNode type, String wanted) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals(wanted);
    }

    /** A tag named by its slug or its name (any case). */
    static String tagSlug(String value, Map<String, TagService.TagView> codebook) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (TagService.TagView tag : codebook.values()) {
            if (!tag.retired() && (tag.slug().equals(wanted) || tag.name().toLowerCase(Locale.ROOT).equals(wanted))) {
                return tag.slug();
            }
        }
        return null;
    }
}
