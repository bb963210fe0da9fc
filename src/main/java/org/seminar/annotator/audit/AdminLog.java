package org.seminar.annotator.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes and reads the admin log. Entries are written in their own transaction: Keycloak has no rollback. */
@ApplicationScoped
public class AdminLog {

    /** An entry as the API shows it. */
    public record Entry(String actor, String action, String target, Map<String, Object> details, Instant at) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, Map<String, Object> details) {
        AdminAction a = new AdminAction();
        a.actor = actor;
        a.action = action;
        a.target = target;
        a.details = details;
        a.at = Instant.now();
        a.persist();
    }

    @Transactional
    public List<Entry> latest(int first, int max) {
        return AdminAction.latest(first, max).stream().map(a -> new Entry(a.actor, a.action, a.target, a.details, a.at)).toList();
    }
}
