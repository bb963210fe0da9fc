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

    public static List<AdminAction> search(AdminLog.Filter f, int first, int max) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (f.action() != null) {
            where.append(" and action = :action");
            params.put("action", f.action());
        }
        if (f.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", f.actor());
        }
        if (f.from() != null) {
            where.append(" and at >= :from");
            params.put("from", f.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        if (f.to() != null) {
            where.append(" and at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        return find(where + " order by at desc, id desc", params).range(first, first + max - 1).list();
    }
}
