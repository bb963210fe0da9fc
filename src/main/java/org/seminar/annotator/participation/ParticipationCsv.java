package org.seminar.annotator.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seminar.annotator.report.ReportExports;

/** Participation for a grade book: one row per student, the columns a teacher maps to a grade (RFC 4180, UTF-8). */
final class ParticipationCsv {

    /** The columns; those added later come last, so that scripts reading by position keep working. */
    static final List<String> HEADER = List.of("username", "name", "email", "annotations", "replies_given", "replies_received", "words",
            "paragraphs_covered", "first_activity", "last_activity", "on_time", "score_met", "group", "characters_covered");

    private ParticipationCsv() {
    }

    /** The rows of each group, each cell neutralised against formula injection by the report's one rule. */
    static String of(List<ParticipationViews.GroupParticipation> groups, boolean excel) {
        StringBuilder out = new StringBuilder(excel ? "\uFEFF" : "");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(HEADER);
            for (ParticipationViews.GroupParticipation g : groups) {
                for (ParticipationViews.ReviewerRow r : g.reviewers()) {
                    printer.printRecord(Stream.of(r.username(), text(r.name()), text(r.email()), String.valueOf(r.annotations()),
                            String.valueOf(r.repliesGiven()), String.valueOf(r.repliesReceived()), String.valueOf(r.words()),
                            String.valueOf(r.paragraphsCovered()), text(r.firstActivity()), text(r.lastActivity()), text(r.onTime()),
                            text(r.scoreMet()), g.group(), String.valueOf(r.charactersCovered())).map(ReportExports::cell));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
