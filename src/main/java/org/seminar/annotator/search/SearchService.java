package org.seminar.annotator.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.storage.Rows;
import org.seminar.annotator.storage.SqlValues;
import org.seminar.annotator.web.ProblemException;

/**
 * Full-text search (PostgreSQL, the 'english' configuration: stems and stop words) over the quotes,
 * comments and replies a reader may see, across every document they may open. Which documents:
 * {@link DocumentAccess}; which annotations and replies: {@link Visibility}'s SQL conditions, so blind
 * mode, moderation and groups hold here as everywhere. The vectors are generated columns with GIN
 * indexes (V18).
 */
@ApplicationScoped
public class SearchService {

    /** The longest query accepted. */
    public static final int MAX_QUERY = 200;
    /** Marks around a match in {@code ts_headline}'s output: control characters no stored text contains (TextRules refuses them). */
    private static final char START = '\u0002', STOP = '\u0003';

    @Inject
    EntityManager em;
    @Inject
    Visibility visibility;
    @Inject
    DocumentAccess documentAccess;

    /** The query as asked: 400 naming {@code q} when it is empty or too long. */
    public static String query(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badField("q", "is required: the words to look for");
        }
        if (q.strip().length() > MAX_QUERY) {
            throw ProblemException.badField("q", "is too long (at most " + MAX_QUERY + " characters)");
        }
        return q.strip();
    }

    @Transactional
    public SearchViews.Results search(String q, int offset, int limit, Reader reader) {
        String query = query(q);
        List<String> documents = documentAccess.visible(reader.admin(), reader.groupIds()).stream().map(d -> d.id).toList();
        if (documents.isEmpty()) {
            return new SearchViews.Results(query, 0, offset, limit, null, List.of());
        }
        Visibility.Condition annotations = visibility.annotations("a", reader);
        Visibility.Condition replies = visibility.replies("r", "a", reader);
        String sql = """
                with q as (select websearch_to_tsquery('english', :q) as query),
                     hits as (
                         select 'annotation' as kind, a.id as annotation_id, cast(null as varchar) as reply_id, a.document_id, a.paragraph_id,
                                a.quote, a.comment as text, a.author, a.author_name, a.created, ts_rank(a.search_vector, q.query) as rank,
                                q.query as query
                         from annotation a cross join q
                         where a.search_vector @@ q.query and a.document_id in (:docs) and not a.withdrawn and %s
                         union all
                         select 'reply', a.id, r.id, a.document_id, a.paragraph_id, a.quote, r.comment, r.author, r.author_name, r.created,
                                ts_rank(r.search_vector, q.query), q.query
                         from reply r join annotation a on a.id = r.annotation_id cross join q
                         where r.search_vector @@ q.query and a.document_id in (:docs) and %s),
                     shown as (
                         select h.*, case when h.kind = 'reply' then 'reply'
                                          when h.text is not null and to_tsvector('english', h.text) @@ h.query then 'comment'
                                          else 'quote' end as matched_in
                         from hits h)
                select s.kind, s.annotation_id, s.reply_id, s.document_id, d.title, s.paragraph_id, p.number, s.quote, s.matched_in,
                       ts_headline('english', case when s.matched_in = 'quote' then s.quote else s.text end, s.query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15')
                           as snippet,
                       s.author, s.author_name, s.created, count(*) over () as total
                from shown s join document d on d.id = s.document_id join paragraph p on p.id = s.paragraph_id
                order by s.rank desc, s.created desc, s.annotation_id, s.reply_id nulls first
                limit :limit offset :offset""".formatted(annotations.sql(), replies.sql());
        var rows = Rows.of(replies.bind(annotations.bind(em.createNativeQuery(sql))).setParameter("q", query).setParameter("docs", documents)
                .setParameter("limit", limit).setParameter("offset", offset));
        List<SearchViews.Hit> hits = new ArrayList<>();
        long total = 0;
        for (Rows.Row r : rows) {
            total = ((Number) r.get("total")).longValue();
            String documentId = r.get("document_id", String.class);
            String paragraphId = r.get("paragraph_id", String.class);
            hits.add(new SearchViews.Hit(r.get("kind", String.class), documentId, r.get("title", String.class), paragraphId,
                    ((Number) r.get("number")).intValue(), r.get("annotation_id", String.class), r.get("reply_id", String.class),
                    r.get("quote", String.class), r.get("matched_in", String.class), parts(r.get("snippet", String.class)),
                    r.get("snippet", String.class).replace(String.valueOf(START), "").replace(String.valueOf(STOP), ""),
                    r.get("author", String.class), r.get("author_name", String.class), SqlValues.instant(r.get("created")),
                    "/documents/" + documentId + "#" + paragraphId));
        }
        if (hits.isEmpty() && offset > 0) {
            total = count(query, documents, annotations, replies);
        }
        Integer next = offset + hits.size() < total ? offset + hits.size() : null;
        return new SearchViews.Results(query, total, offset, limit, next, hits);
    }

    /** The total alone, for a page past the last result. */
    private long count(String query, List<String> documents, Visibility.Condition annotations, Visibility.Condition replies) {
        String sql = """
                with q as (select websearch_to_tsquery('english', :q) as query)
                select (select count(*) from annotation a cross join q where a.search_vector @@ q.query and a.document_id in (:docs)
                                                                         and not a.withdrawn and %s)
                     + (select count(*) from reply r join annotation a on a.id = r.annotation_id cross join q
                        where r.search_vector @@ q.query and a.document_id in (:docs) and %s)""".formatted(annotations.sql(), replies.sql());
        return ((Number) replies.bind(annotations.bind(em.createNativeQuery(sql))).setParameter("q", query).setParameter("docs", documents)
                .getSingleResult()).longValue();
    }

    /** ts_headline's output cut at its marks: the text always stays text. */
    static List<SearchViews.Part> parts(String headline) {
        List<SearchViews.Part> parts = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean match = false;
        for (char c : (headline == null ? "" : headline).toCharArray()) {
            if (c == START || c == STOP) {
                if (piece.length() > 0) {
                    parts.add(new SearchViews.Part(piece.toString(), match));
                    piece.setLength(0);
                }
                match = c == START;
            } else {
                piece.append(c);
            }
        }
        if (piece.length() > 0) {
            parts.add(new SearchViews.Part(piece.toString(), match));
        }
        return parts;
    }
}
