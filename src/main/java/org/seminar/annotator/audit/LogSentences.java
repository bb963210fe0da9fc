package org.seminar.annotator.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One plain sentence per admin action, with people's names: "Ada Admin disabled Rob Reader". The
 * same wording for symmetric actions (disabled / enabled, archived / brought back). Pure.
 */
public final class LogSentences {

    private LogSentences() {
    }

    public static String of(AdminLog.Entry e, Function<String, String> names) {
        String who = names.apply(e.actor());
        Map<String, Object> d = e.details() == null ? Map.of() : e.details();
        String target = e.target();
        return switch (e.action()) {
            case "group-create" -> who + " created the seminar group " + target;
            case "group-rename" -> who + " renamed the seminar group " + d.getOrDefault("from", "?") + " to " + d.getOrDefault("to", target);
            case "group-delete" -> who + " deleted the seminar group " + target;
            case "user-create" -> who + " created the account of " + names.apply(target);
            case "user-disable" -> who + " disabled " + names.apply(target);
            case "user-enable" -> who + " enabled " + names.apply(target);
            case "user-update" -> who + " changed the " + fields(d.keySet()) + " of " + names.apply(target);
            case "password-reset" -> who + " set a new password for " + names.apply(target)
                    + (Boolean.TRUE.equals(d.get("temporary")) ? " (to be changed at the next sign-in)" : "");
            case "class-list-import" -> who + " imported a class list: " + target;
            case "codebook-import" -> who + " loaded " + count(d.get("created"), "tag") + " from a codebook";
            case "document-update" -> who + " " + documentChanges(d) + " of the document \u201c" + target + "\u201d";
            case "document-delete" -> who + " deleted the document \u201c" + target + "\u201d with " + count(d.get("annotations"), "annotation")
                    + " and " + count(d.get("replies"), "reply");
            case "paragraph-correct" -> who + " corrected the text of " + target;
            case "document-publish" -> who + " published the document \u201c" + target + "\u201d to the groups";
            case "document-front-matter" -> who + " corrected the " + fields(d.keySet()) + " of the document \u201c" + target + "\u201d";
            case "paragraph-join" -> who + " joined " + target + " with the paragraph after it";
            case "paragraph-split" -> who + " split " + target + " in two";
            case "paragraph-to-heading" -> who + " made " + target + " a heading";
            case "paragraph-to-footnote" -> who + " moved " + target + " to the footnotes";
            case "heading-to-paragraph" -> who + " made the heading \u201c" + d.getOrDefault("heading", "?") + "\u201d of " + target + " a paragraph";
            case "running-head-drop" -> who + " dropped \u201c" + d.getOrDefault("line", "?") + "\u201d from every paragraph of " + target;
            case "paragraph-remove" -> who + " removed " + target + " (\u201c" + d.getOrDefault("text", "?") + "\u201d)"
                    + (number(d.get("annotations")) == 0 ? "" : "; its " + count(d.get("annotations"), "annotation") + " moved to "
                    + d.getOrDefault("keptIn", "the paragraph beside it") + ", marked as needing attention");
            case "tag-create" -> who + " added the tag \u201c" + target + "\u201d (" + d.getOrDefault("color", "?") + ")";
            case "tag-update" -> who + " " + tagChanges(target, d);
            case "tag-retire" -> who + " retired the tag \u201c" + target + "\u201d";
            case "tag-restore" -> who + " brought back the tag \u201c" + target + "\u201d";
            case "tag-move" -> who + " moved the tag \u201c" + target + "\u201d from place " + d.getOrDefault("from", "?") + " to "
                    + d.getOrDefault("to", "?");
            case "blind-mode" -> who + " turned blind mode " + (Boolean.TRUE.equals(d.get("blind")) ? "on" : "off") + " for "
                    + d.getOrDefault("group", "?") + " in the document \u201c" + target + "\u201d";
            case "pdf-import" -> who + " imported the PDF \u201c" + target + "\u201d (" + count(d.get("pages"), "page") + ", "
                    + count(d.get("paragraphs"), "paragraph") + "), a draft until published";
            case "document-import" -> who + " imported the document \u201c" + target + "\u201d (" + count(d.get("paragraphs"), "paragraph") + ")";
            case "participation-score" -> who + " set the participation score of the document \u201c" + target + "\u201d: at least "
                    + d.getOrDefault("minAnnotations", "?") + " annotations and " + d.getOrDefault("minReplies", "?") + " replies";
            case "participation-score-remove" -> who + " removed the participation score of the document \u201c" + target + "\u201d";
            default -> who + " " + e.action().replace('-', ' ') + " " + target;
        };
    }

    /** "renamed the tag “A” to “B”, recoloured it from #x to #y and changed its meaning". */
    private static String tagChanges(String target, Map<String, Object> d) {
        List<String> parts = new ArrayList<>();
        if (d.get("name") instanceof Map<?, ?> name) {
            parts.add("renamed the tag \u201c" + name.get("from") + "\u201d to \u201c" + name.get("to") + "\u201d");
        }
        String it = parts.isEmpty() ? "the tag \u201c" + target + "\u201d" : "it";
        if (d.get("color") instanceof Map<?, ?> color) {
            parts.add("recoloured " + it + " from " + color.get("from") + " to " + color.get("to"));
        }
        if (d.containsKey("description")) {
            parts.add("changed the meaning of " + (parts.isEmpty() ? "the tag \u201c" + target + "\u201d" : "it"));
        }
        if (parts.isEmpty()) {
            return "changed the tag \u201c" + target + "\u201d";
        }
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String documentChanges(Map<String, Object> d) {
        List<String> parts = new ArrayList<>();
        if (d.containsKey("archived")) {
            parts.add(Boolean.TRUE.equals(d.get("archived")) ? "archived it" : "brought it back");
        }
        List<String> fields = new ArrayList<>(d.keySet());
        fields.remove("archived");
        if (!fields.isEmpty()) {
            parts.add("changed the " + fields(fields));
        }
        return parts.isEmpty() ? "changed nothing" : String.join(" and ", parts);
    }

    private static String fields(java.util.Collection<String> keys) {
        List<String> words = keys.stream().map(k -> switch (k) {
            case "email" -> "e-mail";
            case "firstName" -> "first name";
            case "lastName" -> "last name";
            case "dueDate" -> "due date";
            case "groups" -> "groups";
            case "roles" -> "roles";
            default -> k;
        }).toList();
        if (words.size() <= 1) {
            return words.isEmpty() ? "details" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** "1 tag", "3 tags", "1 reply", "2 replies". */
    static String count(Object value, String noun) {
        long n = value instanceof Number number ? number.longValue() : value instanceof java.util.Collection<?> c ? c.size() : 0;
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
