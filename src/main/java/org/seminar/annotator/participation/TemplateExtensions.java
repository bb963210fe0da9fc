package org.seminar.annotator.participation;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting for the participation templates; values may be null, so methods sit on the rows. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static String utc(Instant at) {
        return UTC.format(at);
    }

    static String onTimeLabel(ParticipationViews.ReviewerRow row) {
        return label(row.onTime(), "on time", "late");
    }

    static String scoreLabel(ParticipationViews.ReviewerRow row) {
        return label(row.scoreMet(), "met", "not yet");
    }

    /** The order a sortable column puts yes/no/none in: yes, no, then none. */
    static int onTimeOrder(ParticipationViews.ReviewerRow row) {
        return order(row.onTime());
    }

    static int scoreOrder(ParticipationViews.ReviewerRow row) {
        return order(row.scoreMet());
    }

    static String firstSort(ParticipationViews.ReviewerRow row) {
        return row.firstActivity() == null ? "" : row.firstActivity().toString();
    }

    static String lastSort(ParticipationViews.ReviewerRow row) {
        return row.lastActivity() == null ? "" : row.lastActivity().toString();
    }

    private static String label(Boolean value, String yes, String no) {
        return value == null ? "—" : value ? yes : no;
    }

    private static int order(Boolean value) {
        return value == null ? 0 : value ? 2 : 1;
    }
}
