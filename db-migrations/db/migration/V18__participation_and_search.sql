-- Participation: an optional simple score a teacher sets per document ("at least N annotations and
-- M replies", counted before the document's due date when it has one), shown to each student as
-- their own progress. No row: no score.
create table participation_score (
    document_id     varchar(32)  primary key references document (id) on delete cascade,
    min_annotations int          not null check (min_annotations between 0 and 1000),
    min_replies     int          not null check (min_replies between 0 and 1000),
    set_by          varchar(255) not null,
    set_at          timestamptz  not null
);

-- Search across documents: PostgreSQL full-text search with the 'english' configuration (stemming,
-- stop words) over an annotation's comment (weight A) and quote (weight B) and over a reply's text.
-- Generated columns keep the vectors in step with every write, whoever writes; GIN indexes answer
-- the @@ match. to_tsvector with an explicit configuration is immutable, as a generated column needs.
alter table annotation add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(comment, '')), 'A') || setweight(to_tsvector('english', quote), 'B')) stored;
create index annotation_search_idx on annotation using gin (search_vector);

alter table reply add column search_vector tsvector generated always as (to_tsvector('english', comment)) stored;
create index reply_search_idx on reply using gin (search_vector);
