package org.seminar.annotator.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The reviewer report as JSON: counts, coverage and agreement within one seminar group. */
public final class ReportViews {

    private ReportViews() {
    }

    /** A report: one group's, or (admins, no group chosen) every group's side by side. */
    public sealed interface Report permits GroupReport, AllGroups {
        /** The group reports it holds, in order. */
        @JsonIgnore
        List<GroupReport> groupReports();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupReport(String documentId, String group, List<ReviewerRow> reviewers, List<TagRow> tags,
            List<ParagraphRow> paragraphs, AgreementView agreement, List<String> notAnnotated) implements Report {

        @Override
        @JsonIgnore
        public List<GroupReport> groupReports() {
            return List.of(this);
        }

        /** A tag's agreement figures; null while blind mode hides agreement. */
        public TagAgreement agreementFor(String slug) {
            return agreement == null ? null : agreement.byTag().get(slug);
        }

        public boolean finishedBy(String username) {
            return reviewers.stream().anyMatch(r -> r.username().equals(username) && r.finished());
        }

        /** A reviewer's name by username (the username when the reviewer is not in this report). */
        public String nameOf(String username) {
            return reviewers.stream().filter(r -> r.username().equals(username)).map(ReviewerRow::name).findFirst().orElse(username);
        }
    }

    /** "All groups": each group's report side by side; agreement is always within one group. */
    public record AllGroups(String documentId, String group, List<GroupReport> groups) implements Report {
        @Override
        @JsonIgnore
        public List<GroupReport> groupReports() {
            return groups;
        }
    }

    /** A reviewer's figures; {@code finishedOnTime}: finished by the document's due date (null without a due date or not finished). */
    public record ReviewerRow(String username, String name, long annotations, boolean finished, Map<String, Long> byTag,
            Boolean finishedOnTime) {

        /** "yes", "yes, by the due date", "yes, after the due date", "no". */
        public String finishedLabel() {
            if (!finished) {
                return "no";
            }
            return finishedOnTime == null ? "yes" : finishedOnTime ? "yes, by the due date" : "yes, after the due date";
        }
    }

    /** A tag's figures; {@code characters} is the size of the union of its annotated ranges. */
    public record TagRow(String slug, String name, long annotations, long paragraphs, long reviewers, long characters) {
    }

    public record ParagraphRow(String id, int number, Map<String, Long> byTag) {
    }

    public record AgreementView(String unit, List<String> coders, String codersAre, Map<String, TagAgreement> byTag,
            List<Pair> pairwise, List<Split> splits) {
    }

    /** A paragraph where the coders split on a tag: {@code applied} of {@code coders} applied it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SplitParagraph", description = "A paragraph where reviewers disagree on a tag")
    public record Split(String paragraphId, int number, String tag, int applied, int coders) {
    }

    public record TagAgreement(Double krippendorffAlpha, Double fleissKappa, String reading) {
    }

    public record Pair(String a, String b, Map<String, Double> byTag) {
    }

    public record Finished(String group, Boolean finished) {
    }
}
