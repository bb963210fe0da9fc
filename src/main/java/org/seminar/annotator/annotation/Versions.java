package org.seminar.annotator.annotation;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.seminar.annotator.web.ProblemException;

/**
 * Optimistic locking at the moment of writing: Hibernate's {@code @Version} turns every update and
 * delete into {@code ... where version = ?}, so of two writers who read the same version exactly
 * one lands; the other gets 409 and its transaction (history, events) rolls back.
 */
final class Versions {

    private Versions() {
    }

    /** Writes pending changes now; a concurrent change of the same version becomes a 409 problem. */
    static void write(Object entity, String what) {
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw lost(what);
        }
    }

    static ProblemException lost(String what) {
        return ProblemException.conflict("The " + what + " was changed meanwhile; reload it and apply your edit again");
    }
}
