package org.seminar.annotator.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seminar.annotator.group.GroupMembers;

/**
 * {@code @username} in a comment or reply: a mention of a person of the annotation's seminar group (nobody else can
 * be mentioned; an {@code @word} that names no such person stays plain text). Stored as references (the username,
 * the id people are known by here, with the name they had when mentioned) in table {@code mention}; shown as the
 * name, in a {@code span} the page styles.
 */
@ApplicationScoped
public class Mentions {

    /** {@code @name} at the start of the text or after a space or an opening bracket; not in {@code a@b} or a URL. */
    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}@/.:_-])@([\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])");

    @Inject
    GroupMembers members;
    @Inject
    EntityManager em;

    /** The people of the group that the text mentions, username → name, in order of first mention. */
    public Map<String, String> in(String text, String groupId) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String username = m.group(1);
            if (!found.containsKey(username)) {
                members.find(groupId, username).ifPresent(member -> found.put(username, member.name()));
            }
        }
        return found;
    }

    /** Replaces the mentions of one annotation or reply (in the caller's transaction). */
    void replace(String subjectId, String documentId, Map<String, String> mentioned) {
        em.createNativeQuery("delete from mention where subject_id = :s").setParameter("s", subjectId).executeUpdate();
        mentioned.forEach((username, name) -> em.createNativeQuery(
                "insert into mention (subject_id, document_id, username, name) values (:s, :d, :u, :n)")
                .setParameter("s", subjectId).setParameter("d", documentId).setParameter("u", username).setParameter("n", name)
                .executeUpdate());
    }

    /** The mentions of the given annotations and replies: subject id → (username → name). */
    Map<String, Map<String, String>> of(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        return grouped(em.createNativeQuery("select subject_id, username, name from mention where subject_id in (:ids)", Tuple.class)
                .setParameter("ids", subjectIds).getResultList());
    }

    /** The mentions of every annotation and reply of a document. */
    Map<String, Map<String, String>> ofDocument(String documentId) {
        return grouped(em.createNativeQuery("select subject_id, username, name from mention where document_id = :d", Tuple.class)
                .setParameter("d", documentId).getResultList());
    }

    /** The usernames mentioned in one annotation or reply. */
    public List<String> usernames(String subjectId) {
        return List.copyOf(of(List.of(subjectId)).getOrDefault(subjectId, Map.of()).keySet());
    }

    private static Map<String, Map<String, String>> grouped(List<?> rows) {
        Map<String, Map<String, String>> bySubject = new HashMap<>();
        for (Object o : rows) {
            Tuple t = (Tuple) o;
            bySubject.computeIfAbsent(t.get("subject_id", String.class), k -> new LinkedHashMap<>())
                    .put(t.get("username", String.class), t.get("name", String.class));
        }
        return bySubject;
    }

    /**
     * The rendered comment with each stored mention shown as the person's name. The HTML is the renderer's, so an
     * {@code @username} can only stand in text (usernames need no escaping; names are escaped here).
     */
    static String render(String html, Map<String, String> mentioned) {
        if (html == null || mentioned == null || mentioned.isEmpty()) {
            return html;
        }
        Matcher m = MENTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = mentioned.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? m.group()
                    : "<span class=\"mention\" data-username=\"" + m.group(1) + "\">@" + escape(name) + "</span>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
