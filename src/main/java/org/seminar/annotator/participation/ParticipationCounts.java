package org.seminar.annotator.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.storage.SqlValues;

/**
 * The counts behind participation, per (document, reviewer) of one seminar group, in one statement of
 * SQL aggregates read through {@link Visibility}: a reviewer's own counts never include what they may
 * not see (another's reply while the group is blind). Moderated work does not count, as in reports.
 */
@ApplicationScoped
public class ParticipationCounts {

    @Inject
    EntityManager em;
    @Inject
    Visibility visibility;

    /** What one reviewer did in one document; {@code inTime}: counted before the end of the due day (all, without a due date). */
    public record Tally(String documentId, String username, String name, long annotations, long annotationsInTime, long repliesGiven,
            long repliesInTime, long repliesReceived, long words, long paragraphs, long characters, Instant first, Instant last,
            long late) {
    }

    /** One tally per (document, reviewer) with any activity in the group's part of the documents. */
    @Transactional
    public List<Tally> of(Collection<String> documentIds, String groupId, Reader reader) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        Visibility.Condition annotations = visibility.annotations("a", reader);
        Visibility.Condition replies = visibility.replies("r", "a", reader);
        String sql = """
                with due as (select d.id, case when d.due_date is null then null
                                               else cast(d.due_date + 1 as timestamp) at time zone 'UTC' end as ends
                             from document d where d.id in (:docs)),
                     ann as materialized (
                         select a.document_id, a.author as who, a.author_name as nm, a.paragraph_id, a.start_offset s, a.end_offset e,
                                a.created, (select count(*) from regexp_matches(coalesce(a.comment, ''), '\\S+', 'g')) as words,
                                (due.ends is null or a.created < due.ends) as in_time
                         from annotation a join due on due.id = a.document_id
                         where a.group_id = :group and not a.hidden and not a.withdrawn and %s),
                     rep as materialized (
                         select a.document_id, r.author as who, r.author_name as nm, a.author as to_whom, r.created,
                                (select count(*) from regexp_matches(r.comment, '\\S+', 'g')) as words,
                                (due.ends is null or r.created < due.ends) as in_time
                         from reply r join annotation a on a.id = r.annotation_id join due on due.id = a.document_id
                         where a.group_id = :group and not a.hidden and not r.hidden and %s),
                     covered as (select document_id, who, sum(upper(x) - lower(x)) as chars
                                 from (select document_id, who, unnest(range_agg(int4range(s, e))) as x from ann
                                       group by document_id, who, paragraph_id) m group by document_id, who)
                select 'a' as kind, ann.document_id, ann.who, max(ann.nm) as nm, count(*) as n, count(*) filter (where in_time) as n_in_time,
                       sum(ann.words) as words, count(distinct ann.paragraph_id) as paragraphs, max(c.chars) as chars,
                       min(ann.created) as first, max(ann.created) as last, count(*) filter (where not in_time) as late
                from ann left join covered c on c.document_id = ann.document_id and c.who = ann.who group by ann.document_id, ann.who
                union all
                select 'g', document_id, who, max(nm), count(*), count(*) filter (where in_time), sum(words), 0, 0, min(created), max(created),
                       count(*) filter (where not in_time)
                from rep group by document_id, who
                union all
                select 'r', document_id, to_whom, null, count(*), 0, 0, 0, 0, null, null, 0 from rep where who <> to_whom
                group by document_id, to_whom""".formatted(annotations.sql(), replies.sql());
        var query = replies.bind(annotations.bind(em.createNativeQuery(sql))).setParameter("docs", List.copyOf(documentIds))
                .setParameter("group", groupId);
        java.util.Map<String, Tally> tallies = new java.util.LinkedHashMap<>();
        for (Rows.Row row : Rows.of(query)) {
            String key = row.get("document_id", String.class) + "\u0000" + row.get("who", String.class);
            Tally t = tallies.getOrDefault(key, new Tally(row.get("document_id", String.class), row.get("who", String.class), null,
                    0, 0, 0, 0, 0, 0, 0, 0, null, null, 0));
            long n = number(row, "n");
            Instant first = row.get("first") == null ? null : SqlValues.instant(row.get("first"));
            Instant last = row.get("last") == null ? null : SqlValues.instant(row.get("last"));
            String name = t.name() != null ? t.name() : row.get("nm", String.class);
            t = switch (row.get("kind", String.class)) {
                case "a" -> new Tally(t.documentId(), t.username(), name, n, number(row, "n_in_time"), t.repliesGiven(), t.repliesInTime(),
                        t.repliesReceived(), t.words() + number(row, "words"), number(row, "paragraphs"), number(row, "chars"),
                        earlier(t.first(), first), later(t.last(), last), t.late() + number(row, "late"));
                case "g" -> new Tally(t.documentId(), t.username(), name, t.annotations(), t.annotationsInTime(), n, number(row, "n_in_time"),
                        t.repliesReceived(), t.words() + number(row, "words"), t.paragraphs(), t.characters(), earlier(t.first(), first),
                        later(t.last(), last), t.late() + number(row, "late"));
                default -> new Tally(t.documentId(), t.username(), name, t.annotations(), t.annotationsInTime(), t.repliesGiven(),
                        t.repliesInTime(), n, t.words(), t.paragraphs(), t.characters(), t.first(), t.last(), t.late());
            };
            tallies.put(key, t);
        }
        return new ArrayList<>(tallies.values());
    }

    private static long number(Rows.Row row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
