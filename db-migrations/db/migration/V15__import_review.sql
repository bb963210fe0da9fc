-- A PDF import lands as a draft that the teacher checks before the groups read it. Documents that exist, text imports
-- and the bundled article are published as they always were.
alter table document add column status varchar(16) not null default 'published' check (status in ('draft', 'published'));
alter table document add column published_at timestamptz;
-- text recognised from page images (OCR) rather than read from a text layer
alter table document drop constraint document_source_kind_check;
alter table document add constraint document_source_kind_check
    check (source_kind in ('clean', 'print-extraction', 'pdf', 'pdf-ocr'));

-- what a block of the body is: running prose, or a table, figure (caption) or code listing kept whole
alter table paragraph add column kind varchar(16) not null default 'paragraph'
    check (kind in ('paragraph', 'table', 'figure', 'code'));

-- lines the import left out of the text on purpose, with why and where, so that the teacher can check them;
-- a line the teacher drops later ("a running head: drop it everywhere") is recorded here too
create table dropped_line (
    id          bigserial   primary key,
    document_id varchar(32) not null references document (id) on delete cascade,
    position    int         not null,
    reason      varchar(20) not null check (reason in ('running-head', 'page-number', 'pull-quote', 'margin-note', 'other')),
    page        int         check (page > 0),
    text        text        not null,
    unique (document_id, position)
);

-- the uploaded PDF, so that the review page can show its pages beside what was read from them
create table document_pdf (
    document_id varchar(32) primary key references document (id) on delete cascade,
    pages       int         not null check (pages > 0),
    bytes       bytea       not null
);
