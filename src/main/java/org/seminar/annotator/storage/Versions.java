package org.seminar.annotator.storage;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.LockModeType;
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

    /**
     * Takes the row of an entity read in this transaction for writing ({@code select ... where version = ? for update}):
     * a writer who changed it meanwhile makes this a 409 about {@code what}, and one still writing makes this wait for it.
     * Call it before reading what else the decision depends on (its collections), so that an edit found to change
     * nothing is judged on the version it names, not on a mix of two versions.
     */
    public static void lock(Object entity, String what) {
        try {
            Panache.getEntityManager().lock(entity, LockModeType.PESSIMISTIC_WRITE);
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
        return ProblemException.stale("The " + what + " was changed meanwhile; reload it and apply your edit again");
    }
}
