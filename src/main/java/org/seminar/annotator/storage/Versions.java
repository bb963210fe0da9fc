package org.seminar.annotator.storage;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.seminar.annotator.web.ProblemException;

/**
 * Optimistic locking at the moment of writing: Hibernate's {@code @Version} turns every update and
 * delete into {@code ... where version = ?}, so of two writers who read the same version exactly
 * one lands; the other gets 409 and its transaction (history, events) rolls back.
 */
public final class Versions {

    private Versions() {
    }

    /** Writes pending changes now; a concurrent change of the same version becomes a 409 problem about {@code what}. */
    public static void write(String what) {
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw lost(what);
        }
    }

    /** Writes a new row now; a row with the same key written meanwhile by someone else becomes a 409 with the message. */
    public static void writeNew(String conflictMessage) {
        try {
            Panache.getEntityManager().flush();
        } catch (jakarta.persistence.PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                    throw ProblemException.conflict(conflictMessage);
                }
            }
            throw e;
        }
    }

    public static ProblemException lost(String what) {
        return ProblemException.conflict("The " + what + " was changed meanwhile; reload it and apply your edit again");
    }
}
