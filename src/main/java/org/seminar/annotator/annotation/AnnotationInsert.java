package org.seminar.annotator.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.seminar.annotator.storage.GroupCommit;

/**
 * Everything a new annotation writes, as one SQL statement: its row, its tags, the people it mentions, its journal entry with
 * the NOTIFY ({@link EventRecords#JOURNAL}) and its history entry. One statement is one round trip,
 * and statements of concurrent creates go to the database together ({@link GroupCommit}).
 *
 * <p>The history id comes from {@code annotation_history_seq} like Hibernate's: a value {@code nextval}
 * returns belongs to whoever asked for it under either of Hibernate's pooled readings of it.
 */
final class AnnotationInsert {

    private static final String SQL = """
            with a as (insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                                               author, author_name, group_id, hidden, withdrawn, anchor, canonical, via, created, updated, version)
                       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?, ?)),
                 t as (insert into annotation_tag (annotation_id, tag_slug) select ?, unnest(cast(? as varchar[]))),
                 m as (insert into mention (subject_id, document_id, username, name)
                       select ?, ?, u.username, u.name from unnest(cast(? as varchar[]), cast(? as varchar[])) as u(username, name)),
            %s
            insert into annotation_history (id, annotation_id, reply_id, document_id, action, actor, at, changes)
            select nextval('annotation_history_seq'), ?, null, ?, 'create', ?, ?, cast(? as jsonb) from n""".formatted(EventRecords.JOURNAL);

    private AnnotationInsert() {
    }

    static GroupCommit.Statement of(Annotation a, Map<String, String> mentioned, Map<String, Object> history, AnnotationEvent event, EventRecords records,
            ObjectMapper json) {
        String changes = write(json, history);
        return new GroupCommit.Statement(SQL, statement -> {
            int i = 1;
            statement.setString(i++, a.id);
            statement.setString(i++, a.documentId);
            statement.setString(i++, a.paragraphId);
            statement.setInt(i++, a.start);
            statement.setInt(i++, a.end);
            statement.setString(i++, a.quote);
            statement.setString(i++, a.prefix);
            statement.setString(i++, a.suffix);
            statement.setString(i++, a.comment);
            statement.setString(i++, a.author);
            statement.setString(i++, a.authorName);
            statement.setString(i++, a.groupId);
            statement.setString(i++, a.anchor);
            statement.setString(i++, a.canonical);
            statement.setString(i++, a.via);
            statement.setObject(i++, at(a.created));
            statement.setObject(i++, at(a.updated));
            statement.setInt(i++, a.version);
            statement.setString(i++, a.id);
            statement.setArray(i++, statement.getConnection().createArrayOf("varchar", a.tags.toArray()));
            statement.setString(i++, a.id);
            statement.setString(i++, a.documentId);
            statement.setArray(i++, statement.getConnection().createArrayOf("varchar", mentioned.keySet().toArray()));
            statement.setArray(i++, statement.getConnection().createArrayOf("varchar", mentioned.values().toArray()));
            i = records.bind(statement, i, event);
            statement.setString(i++, a.id);
            statement.setString(i++, a.documentId);
            statement.setString(i++, a.author);
            statement.setObject(i++, at(a.created));
            statement.setString(i, changes);
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String write(ObjectMapper json, Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
