package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.seminar.annotator.account.KeycloakAccounts;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.ProblemException;

/**
 * The reviewer report of a document for one seminar group, computed with SQL aggregates (never by
 * loading every annotation), and its agreement figures. Moderated (hidden) annotations do not count.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    org.seminar.annotator.document.DocumentAccess documentAccess;

    @Inject
    EntityManager em;
    @Inject
    SeminarGroups groups;
    @Inject
    TagService tags;
    @Inject
    KeycloakAccounts keycloak;
    @Inject
    Visibility visibility;
    @Inject
    FinishedMarks finishedMarks;

    /** Filters shared with the annotation list; null means any. */
    public record Filter(String group, String tag, String author) {
    }

    /** Which groups a reader may see a report for: one group, or (admins without a group) all. */
    public List<String> groupIds(String documentId, Filter filter, Reader reader) {
        documentAccess.check(documentId, reader.admin(), reader.groupIds());
        if (filter.group() != null && !filter.group().isBlank()) {
            String id = groups.idOf(filter.group()).orElseThrow(() -> ProblemException.badField("group", "is not a seminar group"));
            if (!visibility.inGroup(reader, id)) {
                throw ProblemException.forbidden("You can see the reports of your own seminar groups only");
            }
            return List.of(id);
        }
        if (reader.admin()) {
            return groupsOfDocument(documentId);
        }
        if (reader.groupIdsByName().isEmpty()) {
            throw ProblemException.forbidden("You are in no seminar group, so there is no group report for you");
        }
        if (reader.groupIdsByName().size() > 1) {
            throw ProblemException.badField("group", "is required: you are in several groups (" + String.join(", ",
                    reader.groupIdsByName().keySet()) + ")");
        }
        return List.copyOf(reader.groupIds());
    }

    @Transactional
    public ReportViews.Report report(String documentId, Filter filter, Reader reader) {
        List<String> ids = groupIds(documentId, filter, reader);
        if (filter.group() == null || filter.group().isBlank()) {
            if (reader.admin()) {
                return new ReportViews.AllGroups(documentId, null, ids.stream().map(id -> groupReport(documentId, id, filter, reader)).toList());
            }
        }
        if (visibility.seesOnlyOwn(reader, documentId, ids.get(0))) {
            // blind: the reviewer's own figures only, and no agreement until the reveal
            ReportViews.GroupReport own = groupReport(documentId, ids.get(0), new Filter(filter.group(), filter.tag(), reader.username()), reader);
            return new ReportViews.GroupReport(own.documentId(), own.group(), own.reviewers(), own.tags(), own.paragraphs(), null, null);
        }
        return groupReport(documentId, ids.get(0), filter, reader);
    }

    @Transactional
    public ReportViews.GroupReport groupReport(String documentId, String groupId, Filter filter, Reader reader) {
        String tag = blank(filter.tag());
        String author = blank(filter.author());
        Map<String, TagService.TagView> codebook = tags.bySlug();

        // sorts and hashes over a large group's annotations stay in memory
        em.createNativeQuery("set local work_mem = '64MB'").executeUpdate();

        // reviewers: annotation totals
        Map<String, String> names = new TreeMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (Rows.Row row : rows("""
                select a.author, max(a.author_name) as name, count(*) as n from annotation a
                where a.document_id = :doc and a.group_id = :group and not a.hidden and not a.withdrawn %s group by a.author""", documentId, groupId, tag, author, reader)) {
            names.put(row.get("author", String.class), row.get("name", String.class));
            totals.put(row.get("author", String.class), row.get("n", Number.class).longValue());
        }
        // one pass over (annotation, tag) for every count and for coverage: per reviewer and tag, per
        // paragraph and tag, per tag, per (reviewer, paragraph, tag) for agreement, and the union of ranges
        Map<String, Map<String, Long>> reviewerByTag = new HashMap<>();
        Map<String, Map<String, Long>> paragraphByTag = new HashMap<>();
        Map<String, TagFigures> tagFigures = new LinkedHashMap<>();
        Set<AgreementMatrix.Applied> applied = new HashSet<>();
        Set<String> annotators = new TreeSet<>();
        for (Rows.Row row : rows("""
                with base as materialized (
                         select a.author, a.paragraph_id, a.start_offset s, a.end_offset e, t.tag_slug
                         from annotation a join annotation_tag t on t.annotation_id = a.id
                         where a.document_id = :doc and a.group_id = :group and not a.hidden and not a.withdrawn %s),
                     counts as (select author, paragraph_id, tag_slug, count(*) n, grouping(author, paragraph_id) g from base
                                group by grouping sets ((author, tag_slug), (paragraph_id, tag_slug), (tag_slug),
                                                        (author, paragraph_id, tag_slug))),
                     merged as (select tag_slug, unnest(range_agg(int4range(s, e))) r from base group by tag_slug, paragraph_id),
                     coverage as (select tag_slug, sum(upper(r) - lower(r)) total from merged group by tag_slug)
                select author, paragraph_id, tag_slug, n, g as grouping from counts
                union all select null, null, tag_slug, total, -1 from coverage""", documentId, groupId, tag, author, reader)) {
            String slug = row.get("tag_slug", String.class);
            if (tag != null && !tag.equals(slug)) {
                continue;
            }
            String reviewer = row.get("author", String.class);
            String paragraph = row.get("paragraph_id", String.class);
            long count = row.get("n", Number.class).longValue();
            TagFigures f = tagFigures.computeIfAbsent(slug, k -> new TagFigures());
            // grouping(author, paragraph_id): 0 both grouped by, 1 author only, 2 paragraph only, 3 neither; -1 coverage
            switch (row.get("grouping", Number.class).intValue()) {
                case 0 -> { // reviewer, paragraph and tag: what agreement is computed from
                    annotators.add(reviewer);
                    applied.add(new AgreementMatrix.Applied(reviewer, paragraph, slug));
                }
                case 1 -> { // reviewer and tag
                    reviewerByTag.computeIfAbsent(reviewer, k -> new TreeMap<>()).put(slug, count);
                    f.reviewers++;
                }
                case 2 -> { // paragraph and tag
                    paragraphByTag.computeIfAbsent(paragraph, k -> new TreeMap<>()).put(slug, count);
                    f.paragraphs++;
                }
                case 3 -> f.annotations = count;
                default -> f.characters = count; // coverage: size of the union of the tag's ranges
            }
        }
        Set<String> finished = new TreeSet<>(finishedMarks.of(documentId, groupId));
        List<ReportViews.TagRow> tagRows = new ArrayList<>();
        for (TagService.TagView t : codebook.values()) {
            if (tag != null && !tag.equals(t.slug())) {
                continue;
            }
            TagFigures f = tagFigures.getOrDefault(t.slug(), new TagFigures());
            if (!t.retired() || f.annotations > 0) {
                tagRows.add(new ReportViews.TagRow(t.slug(), t.name(), f.annotations, f.paragraphs, f.reviewers, f.characters));
            }
        }

        // every paragraph in reading order
        List<AgreementMatrix.Unit> units = em.createQuery("select p.id, p.number from Paragraph p where p.documentId = ?1 order by p.number",
                        Tuple.class).setParameter(1, documentId).getResultStream()
                .map(p -> new AgreementMatrix.Unit(p.get(0, String.class), p.get(1, Integer.class))).toList();
        List<ReportViews.ParagraphRow> paragraphRows = units.stream()
                .map(p -> new ReportViews.ParagraphRow(p.paragraphId(), p.number(), paragraphByTag.getOrDefault(p.paragraphId(), Map.of())))
                .toList();

        // reviewers who finished but made no annotation matching the filters still appear
        for (String user : finished) {
            names.putIfAbsent(user, user);
        }
        // "finished before the due date": marked finished by the end of the due day (UTC)
        java.time.LocalDate due = org.seminar.annotator.document.Document.<org.seminar.annotator.document.Document>findById(documentId).dueDate;
        Map<String, java.time.Instant> finishedAt = finishedMarks.finishedAt(documentId, groupId);
        List<ReportViews.ReviewerRow> reviewers = names.entrySet().stream()
                .filter(e -> author == null || author.equals(e.getKey()))
                .map(e -> new ReportViews.ReviewerRow(e.getKey(), e.getValue(), totals.getOrDefault(e.getKey(), 0L),
                        finished.contains(e.getKey()), reviewerByTag.getOrDefault(e.getKey(), Map.of()),
                        due == null || !finishedAt.containsKey(e.getKey()) ? null
                                : finishedAt.get(e.getKey()).isBefore(due.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())))
                .toList();

        ReportViews.AgreementView agreement = AgreementMatrix.compute(units, tagRows.stream().map(ReportViews.TagRow::slug).toList(),
                applied, List.copyOf(finished), annotators);
        return new ReportViews.GroupReport(documentId, groups.nameOf(groupId), reviewers, tagRows, paragraphRows, agreement,
                notAnnotated(groupId, names.keySet()));
    }

    /** The figures of one tag, filled from the grouping-sets query. */
    private static final class TagFigures {
        long annotations;
        long paragraphs;
        long reviewers;
        long characters;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private List<String> groupsOfDocument(String documentId) {
        List<String> ids = list(em.createNativeQuery("""
                select distinct group_id from annotation where document_id = :doc
                union select distinct group_id from document_finished where document_id = :doc""").setParameter("doc", documentId));
        return ids.stream().sorted((x, y) -> groups.nameOf(x).compareTo(groups.nameOf(y))).toList();
    }

    /** Members of the group who have not annotated the document yet; null when Keycloak cannot be asked. */
    private List<String> notAnnotated(String groupId, Set<String> annotators) {
        try {
            return keycloak.members(groupId).stream().map(u -> u.getUsername()).filter(u -> !annotators.contains(u)).sorted().toList();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Rows of a query over the group's annotations {@code a} that the reader may see and moderation left in. */
    private List<Rows.Row> rows(String sqlWithFilterSlot, String documentId, String groupId, String tag, String author, Reader reader) {
        Visibility.Condition visible = visibility.annotations("a", reader);
        StringBuilder filters = new StringBuilder(" and ").append(visible.sql());
        if (tag != null) {
            filters.append(" and exists (select 1 from annotation_tag f where f.annotation_id = a.id and f.tag_slug = :tag)");
        }
        if (author != null) {
            filters.append(" and a.author = :author");
        }
        Query q = visible.bind(em.createNativeQuery(sqlWithFilterSlot.formatted(filters))).setParameter("doc", documentId)
                .setParameter("group", groupId);
        if (tag != null) {
            q.setParameter("tag", tag);
        }
        if (author != null) {
            q.setParameter("author", author);
        }
        return Rows.of(q);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Query q) {
        return q.getResultList();
    }


    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
