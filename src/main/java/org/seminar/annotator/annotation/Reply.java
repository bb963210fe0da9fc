package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A reply in the discussion of an annotation. */
@Entity
public class Reply extends PanacheEntityBase {

    @Id
    public String id;
    public String annotationId;
    public String comment;
    public String author;
    public String authorName;
    public boolean hidden;
    public Instant created;
    public Instant updated;
    @Version
    public int version;

    public static List<Reply> ofAnnotations(Collection<String> annotationIds) {
        if (annotationIds.isEmpty()) {
            return List.of();
        }
        return list("annotationId in ?1 order by created, id", annotationIds);
    }

    public static List<Reply> ofDocument(String documentId) {
        return find("select r from Reply r, Annotation a where r.annotationId = a.id and a.documentId = ?1 order by r.created, r.id",
                documentId).list();
    }
}
