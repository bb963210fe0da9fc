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

    /** Annotations of a document in the given groups (all groups when {@code groupIds} is null), tags fetched. */
    public static List<Annotation> ofDocument(String documentId, Collection<String> groupIds) {
        if (groupIds == null) {
            return find("select distinct a from Annotation a left join fetch a.tags where a.documentId = ?1"
                    + " order by a.created, a.id", documentId).list();
        }
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return find("select distinct a from Annotation a left join fetch a.tags where a.documentId = ?1 and a.groupId in ?2"
                + " order by a.created, a.id", documentId, groupIds).list();
    }
}
