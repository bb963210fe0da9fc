package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.seminar.annotator.storage.Rows;

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
    /** How it sits in the text after a correction: {@code exact}, {@code fuzzy} or {@code needs-attention} (not placed). */
    public String anchor = Reanchoring.EXACT;
    /** The canonical IRI a W3C client gave it, kept as sent. */
    public String canonical;
    /** The IRI a W3C client had given it before this server named it, kept as {@code via}. */
    public String via;
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
     * Rows of the annotations of a document that satisfy {@code visible} (from {@link Visibility}) and the filter, in the
     * order they were made, with their tags comma-separated and sorted in the column {@code tags}.
     */
    public static List<Rows.Row> rows(String documentId, Visibility.Condition visible, Visibility.Condition visibleReplies, Filter filter) {
        return query("""
                select a.id, a.paragraph_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.comment, a.author,
                       a.author_name, a.group_id, a.hidden, a.withdrawn, a.anchor, a.canonical, a.via, a.created, a.updated, a.version, %s as tags
                from annotation a""".formatted(TAGS), documentId, visible, visibleReplies, filter, "a.created, a.id");
    }

    /**
     * The columns the reading page needs, in reading order (paragraph, then position): no quote or context (the page has
     * the text), the first {@code excerpt} characters of the comment, and the number of replies the reader may see.
     */
    public static List<Rows.Row> compactRows(String documentId, Visibility.Condition visible, Visibility.Condition visibleReplies,
            Filter filter, int excerpt) {
        // tags and reply counts aggregated once for the document and joined, not looked up per row: 5,000 rows stay one pass
        return query("""
                select a.id, a.paragraph_id, a.start_offset, a.end_offset, a.author, a.author_name, a.hidden, a.withdrawn, a.anchor,
                       case when a.withdrawn then null else left(a.comment, %d) end as excerpt, coalesce(tg.tags, '') as tags,
                       coalesce(rc.n, 0) as replies
                from annotation a join paragraph p on p.id = a.paragraph_id
                left join (select t.annotation_id, string_agg(t.tag_slug, ',' order by t.tag_slug) as tags
                           from annotation_tag t join annotation ta on ta.id = t.annotation_id
                           where ta.document_id = :doc group by t.annotation_id) tg on tg.annotation_id = a.id
                left join (select r.annotation_id, count(*) as n from reply r join annotation a on a.id = r.annotation_id
                           where a.document_id = :doc and %s group by r.annotation_id) rc on rc.annotation_id = a.id"""
                .formatted(excerpt, visibleReplies.sql()),
                documentId, visible, visibleReplies, filter, "p.number, a.start_offset, a.end_offset, a.created, a.id");
    }

    /** What a list of a document's annotations may be narrowed to; null means any. */
    public record Filter(String tag, String author, String paragraphId, Collection<String> groupIds, String text, Collection<String> ids) {
    }

    private static final String TAGS = "array_to_string(array(select t.tag_slug from annotation_tag t where t.annotation_id = a.id"
            + " order by t.tag_slug), ',')";

    /** {@code visibleReplies} speaks of a reply {@code r} of the annotation {@code a}. */
    private static List<Rows.Row> query(String select, String documentId, Visibility.Condition visible, Visibility.Condition visibleReplies,
            Filter filter, String order) {
        StringBuilder sql = new StringBuilder(select).append(" where a.document_id = :doc and ").append(visible.sql());
        // the replies' condition is part of the statement only in the select and the text filter: its parameters go
        // with it, and a parameter the statement does not name is not bound (Hibernate refuses those)
        Map<String, Object> parameters = new HashMap<>(visible.and(visibleReplies).parameters());
        parameters.put("doc", documentId);
        // each filter given: its condition and its parameter together
        Narrowing narrow = (condition, name, value) -> {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        };
        if (filter.groupIds() != null) {
            narrow.by("a.group_id in (:groups)", "groups", filter.groupIds());
        }
        if (filter.tag() != null) {
            narrow.by("exists (select 1 from annotation_tag t where t.annotation_id = a.id and t.tag_slug = :tag)", "tag", filter.tag());
        }
        if (filter.author() != null) {
            narrow.by("a.author = :author", "author", filter.author());
        }
        if (filter.paragraphId() != null) {
            narrow.by("a.paragraph_id = :paragraph", "paragraph", filter.paragraphId());
        }
        if (filter.ids() != null) {
            narrow.by("a.id in (:ids)", "ids", filter.ids());
        }
        if (filter.text() != null) {
            // what the reader sees: the passage, the comment (not of a withdrawn annotation), the author, the replies shown
            narrow.by("(a.quote ilike :text escape '\\' or (not a.withdrawn and a.comment ilike :text escape '\\')"
                    + " or a.author_name ilike :text escape '\\' or exists (select 1 from reply r where r.annotation_id = a.id"
                    + " and r.comment ilike :text escape '\\' and " + visibleReplies.sql() + "))", "text",
                    "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by ").append(order);
        String statement = sql.toString();
        var query = getEntityManager().createNativeQuery(statement);
        parameters.forEach((name, value) -> {
            if (statement.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return Rows.of(query);
    }

    private interface Narrowing {
        void by(String condition, String parameter, Object value);
    }
}
