package org.seminar.annotator.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.account.KeycloakAccounts;
import org.seminar.annotator.annotation.BlindModes;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.report.ReportService;
import org.seminar.annotator.web.ProblemException;

/**
 * Who of a seminar group took part, and how much: per document and over the term (every document the
 * group reads). Admins (teachers) see every member of the group; a reviewer sees only their own row,
 * their progress, so that nobody learns another's counts (blind mode or not).
 */
@ApplicationScoped
public class ParticipationService {

    @Inject
    ParticipationCounts counts;
    @Inject
    ParticipationScores scores;
    @Inject
    ReportService reports;
    @Inject
    DocumentAccess documentAccess;
    @Inject
    SeminarGroups groups;
    @Inject
    Visibility visibility;
    @Inject
    BlindModes blindModes;
    @Inject
    KeycloakAccounts keycloak;

    @Transactional
    public ParticipationViews.DocumentParticipation ofDocument(String documentId, String group, Reader reader) {
        List<String> groupIds = reports.groupIds(documentId, new ReportService.Filter(group, null, null), reader);
        Document d = Document.findById(documentId);
        ParticipationViews.Score score = scores.of(documentId).orElse(null);
        Map<String, ParticipationViews.Score> scored = score == null ? Map.of() : Map.of(documentId, score);
        Map<String, Document> docs = Map.of(documentId, d);
        List<ParticipationViews.GroupParticipation> parts = new ArrayList<>();
        for (String groupId : groupIds) {
            parts.add(new ParticipationViews.GroupParticipation(groups.nameOf(groupId), blindModes.isBlind(documentId, groupId), !reader.admin(),
                    rows(counts.of(List.of(documentId), groupId, reader), groupId, docs, scored, reader)));
        }
        return new ParticipationViews.DocumentParticipation(documentId, d.title, d.dueDate == null ? null : d.dueDate.toString(), score, parts);
    }

    /** The group's participation over every document its reviewers read (published, not archived, for the group or for all). */
    @Transactional
    public ParticipationViews.TermParticipation ofTerm(String group, Reader reader) {
        String groupId = termGroup(group, reader);
        Map<String, Document> docs = new LinkedHashMap<>();
        documentAccess.visible(false, Set.of(groupId)).forEach(d -> docs.put(d.id, d));
        Map<String, ParticipationViews.Score> scored = scores.of(docs.keySet());
        List<ParticipationViews.TermDocument> listed = docs.values().stream().map(d -> new ParticipationViews.TermDocument(d.id, d.title,
                d.dueDate == null ? null : d.dueDate.toString(), scored.get(d.id))).toList();
        return new ParticipationViews.TermParticipation(groups.nameOf(groupId), !reader.admin(), listed,
                rows(counts.of(docs.keySet(), groupId, reader), groupId, docs, scored, reader));
    }

    private String termGroup(String group, Reader reader) {
        if (group == null || group.isBlank()) {
            if (!reader.admin() && reader.groupIdsByName().size() == 1) {
                return reader.groupIds().iterator().next();
            }
            throw ProblemException.badField("group", "is required: the seminar group whose term to show");
        }
        String id = groups.idOf(group).orElseThrow(() -> ProblemException.badField("group", "is not a seminar group"));
        if (!visibility.inGroup(reader, id)) {
            throw ProblemException.forbidden("You can see the participation of your own seminar groups only");
        }
        return id;
    }

    /** One row per member of the group (admins) or the caller's own row (reviewers), summed over the documents. */
    private List<ParticipationViews.ReviewerRow> rows(List<ParticipationCounts.Tally> tallies, String groupId, Map<String, Document> docs,
            Map<String, ParticipationViews.Score> scored, Reader reader) {
        Map<String, String[]> people = new TreeMap<>(); // username -> name, email
        if (reader.admin()) {
            try {
                for (UserRepresentation u : keycloak.members(groupId)) {
                    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
                    people.put(u.getUsername(), new String[] { name.isEmpty() ? null : name, u.getEmail() });
                }
            } catch (RuntimeException e) {
                // Keycloak cannot be asked: the rows of those who took part, without e-mail addresses
            }
            tallies.forEach(t -> people.computeIfAbsent(t.username(), u -> new String[] { t.name(), null }));
        } else {
            people.put(reader.username(), new String[] { reader.name(), null });
        }
        List<ParticipationViews.ReviewerRow> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> person : people.entrySet()) {
            List<ParticipationCounts.Tally> own = tallies.stream().filter(t -> t.username().equals(person.getKey())).toList();
            rows.add(row(person.getKey(), person.getValue(), own, docs, scored));
        }
        return rows;
    }

    private static ParticipationViews.ReviewerRow row(String username, String[] person, List<ParticipationCounts.Tally> own,
            Map<String, Document> docs, Map<String, ParticipationViews.Score> scored) {
        long annotations = 0, given = 0, received = 0, words = 0, paragraphs = 0, characters = 0;
        java.time.Instant first = null, last = null;
        Boolean onTime = null;
        String name = person[0];
        for (ParticipationCounts.Tally t : own) {
            annotations += t.annotations();
            given += t.repliesGiven();
            received += t.repliesReceived();
            words += t.words();
            paragraphs += t.paragraphs();
            characters += t.characters();
            first = ParticipationCounts.earlier(first, t.first());
            last = ParticipationCounts.later(last, t.last());
            if (docs.get(t.documentId()).dueDate != null && t.first() != null) {
                onTime = (onTime == null || onTime) && t.late() == 0;
            }
            name = name == null ? t.name() : name;
        }
        Boolean scoreMet = null;
        for (Map.Entry<String, ParticipationViews.Score> s : scored.entrySet()) {
            ParticipationCounts.Tally t = own.stream().filter(x -> x.documentId().equals(s.getKey())).findFirst().orElse(null);
            boolean met = (t == null ? 0 : t.annotationsInTime()) >= s.getValue().minAnnotations()
                    && (t == null ? 0 : t.repliesInTime()) >= s.getValue().minReplies();
            scoreMet = (scoreMet == null || scoreMet) && met;
        }
        return new ParticipationViews.ReviewerRow(username, name == null ? username : name, person[1], annotations, given, received, words,
                paragraphs, characters, first, last, onTime, scoreMet);
    }
}
