package org.seminar.annotator.live;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which journal ids the notification listener has delivered, so that after a reconnect it can read
 * from the journal exactly what it missed. Journal ids come from a sequence, and transactions commit
 * in their own order, not in the order of their ids: so "the highest id delivered" is not enough. This
 * keeps that highest id and, below it, the ids not delivered yet (a transaction still open when a
 * higher id committed, or one that rolled back), each for {@link #KEEP_MISSING} at most: an event
 * missing longer than that is a rollback, no transaction of this app stays open so long.
 * Used by the listener's one thread only.
 */
final class DeliveredEvents {

    /** How long an id below the highest delivered one is still expected. */
    static final Duration KEEP_MISSING = Duration.ofMinutes(2);
    /** Missing ids kept at most (a burst of rollbacks must not grow this without bound). */
    static final int MAX_MISSING = 100_000;

    private long highest;
    /** Missing ids with the time they were first missed, in increasing id order (so also oldest first). */
    private final LinkedHashMap<Long, Long> missing = new LinkedHashMap<>();

    /** Starts after {@code highest}: everything up to it counts as delivered. */
    DeliveredEvents(long highest) {
        this.highest = highest;
    }

    /**
     * Takes note that the event is being delivered; false when it was already (a notification of an
     * event that the catch-up read from the journal, or the other way round).
     */
    boolean take(long id, long nowNanos) {
        forgetOlderThan(nowNanos - KEEP_MISSING.toNanos());
        if (id > highest) {
            for (long gap = Math.max(highest + 1, id - MAX_MISSING); gap < id; gap++) {
                missing.put(gap, nowNanos);
            }
            highest = id;
            Iterator<Long> oldest = missing.keySet().iterator();
            while (missing.size() > MAX_MISSING) {
                oldest.next();
                oldest.remove();
            }
            return true;
        }
        return missing.remove(id) != null;
    }

    /** The id after which the journal holds every event not delivered yet: where a catch-up reads from. */
    long resumeAfter() {
        return missing.isEmpty() ? highest : missing.keySet().iterator().next() - 1;
    }

    long highest() {
        return highest;
    }

    int missingCount() {
        return missing.size();
    }

    private void forgetOlderThan(long limitNanos) {
        Iterator<Map.Entry<Long, Long>> oldest = missing.entrySet().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().getValue() - limitNanos >= 0) {
                return;
            }
            oldest.remove();
        }
    }
}
