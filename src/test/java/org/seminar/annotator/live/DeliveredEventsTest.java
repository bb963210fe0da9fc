package org.seminar.annotator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the listener has delivered of the journal, when transactions commit out of their ids' order. */
class DeliveredEventsTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void anEventCommittedAfterAHigherOneIsNewAndCatchUpReadsFromBeforeIt() {
        DeliveredEvents delivered = new DeliveredEvents(10);
        assertTrue(delivered.take(11, 0));
        assertTrue(delivered.take(14, 0), "12 and 13 are still open transactions");
        assertEquals(11, delivered.resumeAfter(), "a catch-up now reads 12 onwards");
        assertTrue(delivered.take(13, SECOND), "13 commits late: delivered, not taken for a duplicate");
        assertFalse(delivered.take(13, SECOND), "heard twice (journal and notification): delivered once");
        assertFalse(delivered.take(14, SECOND));
        assertFalse(delivered.take(10, SECOND), "at or below the start: delivered before");
        assertEquals(11, delivered.resumeAfter());
        assertTrue(delivered.take(12, SECOND));
        assertEquals(14, delivered.resumeAfter(), "nothing missing any more");
    }

    @Test
    void anIdMissingLongerThanAnyTransactionLastsIsForgotten() {
        DeliveredEvents delivered = new DeliveredEvents(0);
        delivered.take(5, 0); // 1 to 4 rolled back
        assertEquals(0, delivered.resumeAfter());
        delivered.take(6, DeliveredEvents.KEEP_MISSING.toNanos() + SECOND);
        assertEquals(6, delivered.resumeAfter());
        assertEquals(0, delivered.missingCount());
    }

    @Test
    void aJumpOfIdsKeepsAtMostTheNewestMissingOnes() {
        DeliveredEvents delivered = new DeliveredEvents(0);
        delivered.take(3 * DeliveredEvents.MAX_MISSING, 0);
        assertEquals(DeliveredEvents.MAX_MISSING, delivered.missingCount());
        assertEquals(2L * DeliveredEvents.MAX_MISSING - 1, delivered.resumeAfter(), "the newest ids below the jump are expected still");
    }
}
