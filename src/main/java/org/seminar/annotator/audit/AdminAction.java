package org.seminar.annotator.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of the admin log. */
@Entity
public class AdminAction extends PanacheEntity {

    public String actor;
    public String action;
    public String target;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
    public Instant at;

    public static List<AdminAction> latest(int first, int max) {
        return find("order by at desc, id desc").range(first, first + max - 1).list();
    }
}
