package org.seminar.annotator.storage;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Converts values of native SQL results, whose Java types depend on the driver and the column type. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + (value == null ? "null" : value.getClass()));
    }
}
