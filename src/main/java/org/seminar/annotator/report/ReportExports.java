package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.group.SeminarGroups;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.storage.SqlValues;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.webannotation.WebAnnotations;

/** The report's files: CSV for spreadsheets, W3C Web Annotation JSON-LD for other tools (Markdown: {@link MarkdownReport}). */
@ApplicationScoped
public class ReportExports {

    @Inject
    EntityManager em;
    @Inject
    ReportService reports;
    @Inject
    SeminarGroups groups;
    @Inject
    TagService tags;
    @Inject
    Visibility visibility;

    /** One exported annotation with where it sits in the document. */
    record Row(String id, String section, String paragraphId, int paragraphNumber, String paragraphText, int start, int end,
            String quote, String prefix, String suffix, List<String> tags, String comment, String author, String authorName,
            String group, Instant created, Instant updated, long replies, String groupId, String canonical, String via) {
    }

    @Transactional
    List<Row> rows(String documentId, ReportService.Filter filter, Reader reader) {
        List<String> groupIds = reports.groupIds(documentId, filter, reader);
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Visibility.Condition visible = visibility.annotations("a", reader);
        Visibility.Condition replyVisible = visibility.replies("r", "a", reader);
        StringBuilder sql = new StringBuilder("""
                select a.id, s.heading, p.id as paragraph_id, p.number, p.text, a.start_offset, a.end_offset, a.quote, a.prefix,
                       a.suffix, array_to_string(array(select t.tag_slug from annotation_tag t where t.annotation_id = a.id
                                                       order by t.tag_slug), ';') as tags,
                       a.comment, a.author, a.author_name, a.group_id, a.canonical, a.via, a.created, a.updated,
                       (select count(*) from reply r where r.annotation_id = a.id and not r.hidden and %s) as replies
                from annotation a join paragraph p on p.id = a.paragraph_id join section s on s.id = p.section_id
                where a.document_id = :doc and a.group_id in (:groups) and not a.hidden and not a.withdrawn and %s""".formatted(replyVisible.sql(), visible.sql()));
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and exists (select 1 from annotation_tag f where f.annotation_id = a.id and f.tag_slug = :tag)");
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            sql.append(" and a.author = :author");
        }
        sql.append(" order by p.number, a.start_offset, a.created, a.id");
        var q = replyVisible.bind(visible.bind(em.createNativeQuery(sql.toString()))).setParameter("doc", documentId)
                .setParameter("groups", groupIds);
        if (filter.tag() != null && !filter.tag().isBlank()) {
            q.setParameter("tag", filter.tag());
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            q.setParameter("author", filter.author());
        }
        return Rows.of(q).stream().map(r -> {
            String tagList = r.get("tags", String.class);
            return new Row(r.get("id", String.class), r.get("heading", String.class), r.get("paragraph_id", String.class),
                    r.get("number", Number.class).intValue(), r.get("text", String.class), r.get("start_offset", Number.class).intValue(),
                    r.get("end_offset", Number.class).intValue(), r.get("quote", String.class), r.get("prefix", String.class),
                    r.get("suffix", String.class), tagList == null || tagList.isEmpty() ? List.of() : List.of(tagList.split(";")),
                    r.get("comment", String.class), r.get("author", String.class), r.get("author_name", String.class),
                    groups.nameOf(r.get("group_id", String.class)), SqlValues.instant(r.get("created")), SqlValues.instant(r.get("updated")),
                    r.get("replies", Number.class).longValue(), r.get("group_id", String.class), r.get("canonical", String.class),
                    r.get("via", String.class));
        }).toList();
    }

    /** One reply the reader may see. */
    record ReplyRow(String id, String comment, String author, String authorName, Instant created, Instant updated) {
    }

    /** The replies the reader may see of the given annotations, by annotation id, oldest first. */
    @Transactional
    Map<String, List<ReplyRow>> replies(List<Row> rows, Reader reader) {
        Map<String, List<ReplyRow>> replies = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return replies;
        }
        Visibility.Condition replyVisible = visibility.replies("r", "a", reader);
        List<Rows.Row> replyRows = Rows.of(replyVisible.bind(em.createNativeQuery("""
                select r.annotation_id, r.id, r.comment, r.author, r.author_name, r.created, r.updated
                from reply r join annotation a on a.id = r.annotation_id
                where r.annotation_id in (:ids) and not r.hidden and %s order by r.created, r.id""".formatted(replyVisible.sql())))
                .setParameter("ids", rows.stream().map(Row::id).toList()));
        replyRows.forEach(r -> replies.computeIfAbsent(r.get("annotation_id", String.class), k -> new ArrayList<>())
                .add(new ReplyRow(r.get("id", String.class), r.get("comment", String.class), r.get("author", String.class),
                        r.get("author_name", String.class), SqlValues.instant(r.get("created")), SqlValues.instant(r.get("updated")))));
        return replies;
    }

    // ---- CSV (RFC 4180) ---------------------------------------------------------------------

    /** The columns; those added later come last, so that scripts reading by position keep working. */
    static final List<String> CSV_HEADER = List.of("document", "section", "paragraph_id", "paragraph_number", "start", "end", "quote",
            "tags", "comment", "author", "group", "created", "updated", "replies", "author_name", "reply_texts", "annotation_id",
            "tag_slugs", "tag_colors");

    @Transactional
    public String csv(String documentId, ReportService.Filter filter, Reader reader, boolean excel) {
        return csv(documentId, filter, reader, excel, LocalTimes.UTC);
    }

    /** The CSV with its times in the given zone, at whole seconds. */
    @Transactional
    public String csv(String documentId, ReportService.Filter filter, Reader reader, boolean excel, LocalTimes times) {
        List<Row> rows = rows(documentId, filter, reader);
        Map<String, List<ReplyRow>> replies = replies(rows, reader);
        String title = Document.<Document>findById(documentId).title;
        Map<String, TagService.TagView> codebook = tags.bySlug();
        StringBuilder out = new StringBuilder(excel ? "\uFEFF" : "");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(CSV_HEADER);
            for (Row r : rows) {
                printer.printRecord(Stream.of(title, r.section() == null ? "" : r.section(), r.paragraphId(),
                        String.valueOf(r.paragraphNumber()), String.valueOf(r.start()), String.valueOf(r.end()), r.quote(),
                        tagColumn(r.tags(), codebook, TagService.TagView::name), r.comment() == null ? "" : r.comment(), r.author(), r.group(), times.iso(r.created()),
                        times.iso(r.updated()), String.valueOf(r.replies()), r.authorName() == null ? "" : r.authorName(),
                        replyTexts(replies.getOrDefault(r.id(), List.of())), r.id(), String.join(";", r.tags()),
                        tagColumn(r.tags(), codebook, t -> t.color() == null ? "" : t.color())).map(ReportExports::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One value per tag, in the annotation's order, separated by ";" (a tag gone from the codebook by its slug). */
    static String tagColumn(List<String> slugs, Map<String, TagService.TagView> codebook,
            java.util.function.Function<TagService.TagView, String> value) {
        return slugs.stream().map(slug -> codebook.containsKey(slug) ? value.apply(codebook.get(slug)) : slug)
                .collect(java.util.stream.Collectors.joining(";"));
    }

    /** The replies of one annotation in one cell, one per line as "Name: text", which spreadsheets show as a multi-line cell. */
    static String replyTexts(List<ReplyRow> replies) {
        StringBuilder cell = new StringBuilder();
        for (ReplyRow r : replies) {
            if (cell.length() > 0) {
                cell.append('\n');
            }
            cell.append(r.authorName() == null || r.authorName().isBlank() ? r.author() : r.authorName()).append(": ").append(r.comment());
        }
        return cell.toString();
    }

    /**
     * A cell neutralised as OWASP recommends against formula injection: a cell a spreadsheet would
     * evaluate (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, which
     * spreadsheets show as text. Quoting is left to the CSV printer.
     */
    public static String cell(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    // ---- W3C Web Annotation JSON-LD ---------------------------------------------------------

    /** An AnnotationCollection whose first page holds every annotation and reply. */
    @Transactional
    public Map<String, Object> jsonLd(String documentId, ReportService.Filter filter, Reader reader, String baseUrl) {
        List<Row> rows = rows(documentId, filter, reader);
        Map<String, List<ReplyRow>> replies = replies(rows, reader);
        Map<String, TagService.TagView> codebook = tags.bySlug();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("@context", WebAnnotations.CONTEXT);
            String iri = WebAnnotations.annotationIri(baseUrl, documentId, r.groupId(), r.id());
            a.put("id", iri);
            a.put("type", "Annotation");
            if (r.canonical() != null) {
                a.put("canonical", r.canonical());
            }
            if (r.via() != null) {
                a.put("via", r.via());
            }
            a.put("motivation", WebAnnotations.motivation(r.comment()));
            a.put("creator", WebAnnotations.person(baseUrl, r.author(), r.authorName()));
            a.put("created", WebAnnotations.iso(r.created()));
            a.put("modified", WebAnnotations.iso(r.updated()));
            a.put("body", WebAnnotations.bodies(r.tags(), r.comment(), codebook));
            a.put("target", WebAnnotations.target(baseUrl, documentId, r.paragraphId(), r.paragraphText(), r.start(), r.end(), r.quote(),
                    r.prefix(), r.suffix()));
            items.add(a);
            for (ReplyRow reply : replies.getOrDefault(r.id(), List.of())) {
                Map<String, Object> re = new LinkedHashMap<>();
                re.put("@context", "http://www.w3.org/ns/anno.jsonld");
                re.put("id", iri + "/replies/" + reply.id());
                re.put("type", "Annotation");
                re.put("motivation", "replying");
                re.put("creator", WebAnnotations.person(baseUrl, reply.author(), reply.authorName()));
                re.put("created", WebAnnotations.iso(reply.created()));
                re.put("modified", WebAnnotations.iso(reply.updated()));
                re.put("body", WebAnnotations.body(reply.comment(), "replying", "text/markdown"));
                re.put("target", iri);
                items.add(re);
            }
        }
        String id = baseUrl + "/api/documents/" + documentId + "/annotations.jsonld";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id + "#page1");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        page.put("items", items);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", "http://www.w3.org/ns/anno.jsonld");
        collection.put("id", id);
        collection.put("type", "AnnotationCollection");
        collection.put("label", "Annotations of " + Document.<Document>findById(documentId).title);
        collection.put("total", items.size());
        collection.put("first", page);
        return collection;
    }

}
