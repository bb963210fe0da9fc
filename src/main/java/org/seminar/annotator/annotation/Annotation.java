package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Tuple;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A tagged passage of one paragraph, with its author's comment, belonging to one seminar group. */
@Entity
public class Annotation extends PanacheEntityBase {

    @Id
    public String id;
    public String documentId;
    public String paragraphId;
    @Column(name = "start_offset")
    public int start;
    @Column(name = "end_offset")
    public int end;
    public String quote;
    public String prefix;
    public String suffix;
    public String comment;
    public String author;
    public String authorName;
    public String groupId;
    public boolean hidden;
    /** Deleted by its author after others replied: the passage and the discussion stay, it no longer counts. */
    public boolean withdrawn;
    public Instant created;
    public Instant updated;
    /** Checked and raised by Hibernate on every write, so of two edits of one version only one lands. */
    @Version
    public int version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "annotation_tag", joinColumns = @JoinColumn(name = "annotation_id"))
    @Column(name = "tag_slug")
    public Set<String> tags = new TreeSet<>();

    /**
     * Rows of the annotations of a document that satisfy {@code visible} (from {@link Visibility}),
     * optionally filtered, with their tags comma-separated and sorted in the column {@code tags}.
     */
    public static List<Tuple> rows(String documentId, Visibility.Condition visible, String tag, String author, String paragraphId,
            Collection<String> groupIds) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.paragraph_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.comment, a.author,
                       a.author_name, a.group_id, a.hidden, a.withdrawn, a.created, a.updated, a.version,
                       array_to_string(array(select t.tag_slug from annotation_tag t where t.annotation_id = a.id
                                             order by t.tag_slug), ',') as tags
                from annotation a
                where a.document_id = :doc""").append(" and ").append(visible.sql());
        if (groupIds != null) {
            sql.append(" and a.group_id in (:groups)");
        }
        if (tag != null) {
            sql.append(" and exists (select 1 from annotation_tag t where t.annotation_id = a.id and t.tag_slug = :tag)");
        }
        if (author != null) {
            sql.append(" and a.author = :author");
        }
        if (paragraphId != null) {
            sql.append(" and a.paragraph_id = :paragraph");
        }
        sql.append(" order by a.created, a.id");
        var query = visible.bind(getEntityManager().createNativeQuery(sql.toString(), Tuple.class)).setParameter("doc", documentId);
        if (groupIds != null) {
            query.setParameter("groups", groupIds);
        }
        if (tag != null) {
            query.setParameter("tag", tag);
        }
        if (author != null) {
            query.setParameter("author", author);
        }
        if (paragraphId != null) {
            query.setParameter("paragraph", paragraphId);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows;
    }
}
