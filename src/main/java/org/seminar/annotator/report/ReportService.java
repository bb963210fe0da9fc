package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.ProblemException;

/**
 * The reviewer report of a document for one seminar group, computed with SQL aggregates (never by
 * loading every annotation), and its agreement figures. Moderated (hidden) annotations do not count.
 */
@ApplicationScoped
public class ReportService {

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

    /** Filters shared with the annotation list; null means any. */
    public record Filter(String group, String tag, String author) {
    }

    /** Which groups a reader may see a report for: one group, or (admins without a group) all. */
    public List<String> groupIds(String documentId, Filter filter, Reader reader) {
        requireDocument(documentId);
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
    public Object report(String documentId, Filter filter, Reader reader) {
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
        for (Object[] row : rows("""
                select a.author, max(a.author_name), count(*) from annotation a
                where a.document_id = :doc and a.group_id = :group and not a.hidden %s group by a.author""", documentId, groupId, tag, author, reader)) {
            names.put((String) row[0], (String) row[1]);
            totals.put((String) row[0], ((Number) row[2]).longValue());
        }
        // one pass over (annotation, tag) for every count and for coverage: per reviewer and tag, per
        // paragraph and tag, per tag, per (reviewer, paragraph, tag) for agreement, and the union of ranges
        Map<String, Map<String, Long>> reviewerByTag = new HashMap<>();
        Map<String, Map<String, Long>> paragraphByTag = new HashMap<>();
        Map<String, long[]> tagFigures = new LinkedHashMap<>();
        Set<String> applied = new HashSet<>();
        Set<String> annotators = new TreeSet<>();
        for (Object[] row : rows("""
                with base as materialized (
                         select a.author, a.paragraph_id, a.start_offset s, a.end_offset e, t.tag_slug
                         from annotation a join annotation_tag t on t.annotation_id = a.id
                         where a.document_id = :doc and a.group_id = :group and not a.hidden %s),
                     counts as (select author, paragraph_id, tag_slug, count(*) n, grouping(author, paragraph_id) g from base
                                group by grouping sets ((author, tag_slug), (paragraph_id, tag_slug), (tag_slug),
                                                        (author, paragraph_id, tag_slug))),
                     merged as (select tag_slug, unnest(range_agg(int4range(s, e))) r from base group by tag_slug, paragraph_id),
                     coverage as (select tag_slug, sum(upper(r) - lower(r)) total from merged group by tag_slug)
                select author, paragraph_id, tag_slug, n, g from counts
                union all select null, null, tag_slug, total, -1 from coverage""", documentId, groupId, tag, author, reader)) {
            String slug = (String) row[2];
            if (tag != null && !tag.equals(slug)) {
                continue;
            }
            long count = n(row[3]);
            long[] f = tagFigures.computeIfAbsent(slug, k -> new long[4]);
            switch (((Number) row[4]).intValue()) {
                case 0 -> { // reviewer, paragraph and tag: what agreement is computed from
                    annotators.add((String) row[0]);
                    applied.add(row[0] + "\u0000" + row[1] + "\u0000" + slug);
                }
                case 1 -> { // reviewer and tag
                    reviewerByTag.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put(slug, count);
                    f[2]++;
                }
                case 2 -> { // paragraph and tag
                    paragraphByTag.computeIfAbsent((String) row[1], k -> new TreeMap<>()).put(slug, count);
                    f[1]++;
                }
                case 3 -> f[0] = count; // tag
                default -> f[3] = count; // coverage: size of the union of the tag's ranges
            }
        }
        Set<String> finished = new TreeSet<>(finishedUsers(documentId, groupId));
        List<ReportViews.TagRow> tagRows = new ArrayList<>();
        for (TagService.TagView t : codebook.values()) {
            if (tag != null && !tag.equals(t.slug())) {
                continue;
            }
            long[] f = tagFigures.getOrDefault(t.slug(), new long[4]);
            if (!t.retired() || f[0] > 0) {
                tagRows.add(new ReportViews.TagRow(t.slug(), t.name(), f[0], f[1], f[2], f[3]));
            }
        }

        // every paragraph in reading order
        List<Object[]> paragraphs = list(em.createNativeQuery("select id, number from paragraph where document_id = :doc order by number")
                .setParameter("doc", documentId));
        List<ReportViews.ParagraphRow> paragraphRows = paragraphs.stream()
                .map(p -> new ReportViews.ParagraphRow((String) p[0], ((Number) p[1]).intValue(),
                        paragraphByTag.getOrDefault((String) p[0], Map.of())))
                .toList();

        // reviewers who finished but made no annotation matching the filters still appear
        for (String user : finished) {
            names.putIfAbsent(user, user);
        }
        List<ReportViews.ReviewerRow> reviewers = names.entrySet().stream()
                .filter(e -> author == null || author.equals(e.getKey()))
                .map(e -> new ReportViews.ReviewerRow(e.getKey(), e.getValue(), totals.getOrDefault(e.getKey(), 0L),
                        finished.contains(e.getKey()), reviewerByTag.getOrDefault(e.getKey(), Map.of())))
                .toList();

        ReportViews.AgreementView agreement = agreement(tag, paragraphs, finished, tagRows, applied, annotators);
        return new ReportViews.GroupReport(documentId, groups.nameOf(groupId), reviewers, tagRows, paragraphRows, agreement,
                notAnnotated(groupId, names.keySet()));
    }

    /**
     * Units are the body paragraphs; coders are the reviewers who marked the document finished, or,
     * while nobody has, everyone who annotated it; a coder's value for a paragraph and tag is 1 if
     * they applied the tag anywhere in it.
     */
    private ReportViews.AgreementView agreement(String tag, List<Object[]> paragraphs, Set<String> finished,
            List<ReportViews.TagRow> tagRows, Set<String> applied, Set<String> annotators) {
        List<String> coders = new ArrayList<>(finished.isEmpty() ? annotators : finished);
        String codersAre = finished.isEmpty() ? "reviewers who annotated the document (nobody has marked it finished yet)"
                : "reviewers who marked the document finished";
        Map<String, ReportViews.TagAgreement> byTag = new LinkedHashMap<>();
        Map<String, Map<String, Double>> pairKappas = new LinkedHashMap<>();
        List<ReportViews.Split> splits = new ArrayList<>();
        for (ReportViews.TagRow t : tagRows) {
            if (tag != null && !tag.equals(t.slug())) {
                continue;
            }
            List<List<Integer>> units = new ArrayList<>();
            int[][] counts = new int[paragraphs.size()][2];
            List<List<Integer>> byCoder = new ArrayList<>();
            coders.forEach(c -> byCoder.add(new ArrayList<>()));
            for (int u = 0; u < paragraphs.size(); u++) {
                List<Integer> unit = new ArrayList<>();
                for (int c = 0; c < coders.size(); c++) {
                    int value = applied.contains(coders.get(c) + "\u0000" + paragraphs.get(u)[0] + "\u0000" + t.slug()) ? 1 : 0;
                    unit.add(value);
                    counts[u][value]++;
                    byCoder.get(c).add(value);
                }
                units.add(unit);
                if (counts[u][0] > 0 && counts[u][1] > 0) {
                    splits.add(new ReportViews.Split((String) paragraphs.get(u)[0], ((Number) paragraphs.get(u)[1]).intValue(), t.slug(),
                            counts[u][1], coders.size()));
                }
            }
            Double alpha = coders.size() < 2 ? null : Agreement.krippendorffAlphaNominal(units);
            Double fleiss = coders.size() < 2 ? null : Agreement.fleissKappa(counts);
            byTag.put(t.slug(), new ReportViews.TagAgreement(round(alpha), round(fleiss), Agreement.reading(alpha)));
            for (int i = 0; i < coders.size(); i++) {
                for (int j = i + 1; j < coders.size(); j++) {
                    pairKappas.computeIfAbsent(coders.get(i) + "\u0000" + coders.get(j), k -> new LinkedHashMap<>())
                            .put(t.slug(), round(Agreement.cohenKappa(byCoder.get(i), byCoder.get(j))));
                }
            }
        }
        List<ReportViews.Pair> pairwise = pairKappas.entrySet().stream()
                .map(e -> new ReportViews.Pair(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue())).toList();
        // the most even splits first: those are the paragraphs worth discussing
        splits.sort(java.util.Comparator.comparingDouble((ReportViews.Split x) -> Math.abs(0.5 - x.applied() / (double) x.coders()))
                .thenComparingInt(ReportViews.Split::number));
        return new ReportViews.AgreementView("paragraph", coders, codersAre, byTag, pairwise, splits.subList(0, Math.min(10, splits.size())));
    }

    // ---- finished ---------------------------------------------------------------------------

    @Transactional
    public ReportViews.Finished setFinished(String documentId, ReportViews.Finished request, Reader reader) {
        requireDocument(documentId);
        if (request == null || request.finished() == null) {
            throw ProblemException.badField("finished", "is required: true or false");
        }
        Map<String, String> mine = reader.groupIdsByName();
        String group = request.group();
        if (group == null || group.isBlank()) {
            if (mine.size() != 1) {
                throw mine.isEmpty() ? ProblemException.forbidden("You are in no seminar group")
                        : ProblemException.badField("group", "is required: you are in several groups");
            }
            group = mine.keySet().iterator().next();
        }
        String groupId = mine.get(group);
        if (groupId == null) {
            throw ProblemException.badField("group", "'" + group + "' is not one of your groups");
        }
        if (request.finished()) {
            em.createNativeQuery("""
                    insert into document_finished (document_id, group_id, username, finished_at) values (:doc, :group, :user, :at)
                    on conflict do nothing""")
                    .setParameter("doc", documentId).setParameter("group", groupId).setParameter("user", reader.username())
                    .setParameter("at", Instant.now()).executeUpdate();
        } else {
            em.createNativeQuery("delete from document_finished where document_id = :doc and group_id = :group and username = :user")
                    .setParameter("doc", documentId).setParameter("group", groupId).setParameter("user", reader.username())
                    .executeUpdate();
        }
        return new ReportViews.Finished(group, request.finished());
    }

    @Transactional
    public List<String> finishedUsers(String documentId, String groupId) {
        return list(em.createNativeQuery("select username from document_finished where document_id = :doc and group_id = :group order by username")
                .setParameter("doc", documentId).setParameter("group", groupId));
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
    private List<Object[]> rows(String sqlWithFilterSlot, String documentId, String groupId, String tag, String author, Reader reader) {
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
        return list(q);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Query q) {
        return q.getResultList();
    }

    private static void requireDocument(String documentId) {
        if (Document.findById(documentId) == null) {
            throw ProblemException.notFound("No document with id " + documentId);
        }
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 10000) / 10000.0;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
