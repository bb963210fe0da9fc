package org.seminar.annotator.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.seminar.annotator.web.ProblemException;

/**
 * Times in the downloads as people read them: in the reader's time zone ({@code ?tz=Europe/Berlin},
 * an IANA name; UTC without one) and at whole seconds, never with the database's microseconds.
 */
record LocalTimes(ZoneId zone) {

    static final LocalTimes UTC = new LocalTimes(ZoneOffset.UTC);

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The zone named by the {@code tz} parameter; 400 naming {@code tz} when it is no IANA zone. */
    static LocalTimes of(String tz) {
        if (tz == null || tz.isBlank()) {
            return UTC;
        }
        String name = tz.strip();
        if (name.equals("UTC") || name.equals("Etc/UTC")) {
            return UTC;
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ProblemException.badField("tz", "is not an IANA time zone name (such as Europe/Berlin or America/New_York)");
        }
        return new LocalTimes(ZoneId.of(name));
    }

    /** ISO 8601 with the zone's offset at that moment, e.g. {@code 2026-12-06T01:24:18+01:00} ({@code …Z} in UTC). */
    String iso(Instant time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    /** {@code 2026-12-06 01:24:18}, for text whose heading names the zone. */
    String readable(Instant time) {
        return READABLE.format(time.atZone(zone));
    }

    /** The zone's name as the reader gave it ({@code UTC} by default). */
    String name() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Today's date in the zone, for file names. */
    LocalDate today() {
        return LocalDate.now(zone);
    }
}
