package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
    public Instant created;
    public Instant updated;
    public int version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "annotation_tag", joinColumns = @JoinColumn(name = "annotation_id"))
    @Column(name = "tag_slug")
    public Set<String> tags = new TreeSet<>();

    /**
     * Rows of the annotations of a document that a reader may see (all groups when {@code groupIds} is
     * null), optionally filtered; columns: id, paragraph, start, end, quote, prefix, suffix, comment,
     * author, author name, group id, hidden, created, updated, version, tags (comma-separated, sorted).
     */
    @SuppressWarnings("unchecked")
    public static List<Object[]> visibleRows(String documentId, Collection<String> groupIds, String tag, String author,
            String paragraphId, boolean admin, String reader) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.paragraph_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.comment, a.author,
                       a.author_name, a.group_id, a.hidden, a.created, a.updated, a.version,
                       array_to_string(array(select t.tag_slug from annotation_tag t where t.annotation_id = a.id
                                             order by t.tag_slug), ',')
                from annotation a
                where a.document_id = :doc and (not a.hidden or :admin or a.author = :reader)
                  and (:admin or a.author = :reader or not exists (select 1 from blind_mode b
                       where b.document_id = a.document_id and b.group_id = a.group_id))""");
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
        var query = getEntityManager().createNativeQuery(sql.toString())
                .setParameter("doc", documentId).setParameter("admin", admin).setParameter("reader", reader);
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
        return query.getResultList();
    }
}
