-- Documents rebuilt by the importer: front matter, sections, numbered body paragraphs (what gets
-- annotated), footnotes and the footnote markers that link them. Ids are opaque strings assigned
-- once at import and never changed.
create table document (
    id                varchar(32) primary key,
    title             text        not null,
    authors           jsonb       not null default '[]',
    abstract          text,
    keywords          jsonb       not null default '[]',
    author_note       text,
    author_note_marks jsonb       not null default '[]',
    source_kind       varchar(32) not null check (source_kind in ('clean', 'print-extraction')),
    -- set for documents the app ships with, so that loading them on start is idempotent
    bundled_key       varchar(200) unique,
    imported_by       varchar(200),
    imported_at       timestamptz not null default now()
);

create table section (
    id          varchar(32) primary key,
    document_id varchar(32) not null references document (id) on delete cascade,
    position    int         not null,
    heading     text,
    unique (document_id, position)
);

create table paragraph (
    id          varchar(32) primary key,
    document_id varchar(32) not null references document (id) on delete cascade,
    section_id  varchar(32) not null references section (id) on delete cascade,
    number      int         not null check (number > 0),
    text        text        not null,
    marks       jsonb       not null default '[]',
    unique (document_id, number)
);
create index paragraph_section_idx on paragraph (section_id);

create table footnote (
    id          varchar(32) primary key,
    document_id varchar(32) not null references document (id) on delete cascade,
    number      int         not null,
    label       varchar(16) not null,
    text        text        not null,
    marks       jsonb       not null default '[]',
    unique (document_id, number)
);

create sequence footnote_ref_seq start with 1 increment by 50;
create table footnote_ref (
    id           bigint primary key,
    paragraph_id varchar(32) not null references paragraph (id) on delete cascade,
    footnote_id  varchar(32) not null references footnote (id) on delete cascade,
    ordinal      int         not null,
    text_offset  int         not null check (text_offset >= 0),
    unique (paragraph_id, ordinal)
);
create index footnote_ref_footnote_idx on footnote_ref (footnote_id);
