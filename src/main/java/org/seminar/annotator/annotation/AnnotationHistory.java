package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to an annotation or a reply: who, when, what (the changed fields, before and after). */
@Entity
public class AnnotationHistory extends PanacheEntity {

    public String annotationId;
    public String replyId;
    public String documentId;
    public String action;
    public String actor;
    public Instant at;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> changes;

    public static List<AnnotationHistory> ofAnnotation(String annotationId) {
        return list("annotationId = ?1 order by at, id", annotationId);
    }

    static void record(String action, String actor, Annotation a, String replyId, Map<String, Object> changes) {
        AnnotationHistory h = new AnnotationHistory();
        h.annotationId = a.id;
        h.replyId = replyId;
        h.documentId = a.documentId;
        h.action = action;
        h.actor = actor;
        h.at = Instant.now();
        h.changes = changes;
        h.persist();
    }
}
