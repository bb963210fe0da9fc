-- Documents over a term: archived documents are kept but hidden from reviewers; a document may be
-- assigned to seminar groups (no row: every group reads it, as the bundled article); an optional
-- due date is shown to reviewers and used by the report.
alter table document add column archived boolean not null default false;
alter table document add column due_date date;

create table document_group (
    document_id varchar(32) not null references document (id) on delete cascade,
    group_id    varchar(64) not null references seminar_group (id) on delete cascade,
    primary key (document_id, group_id)
);
create index document_group_group on document_group (group_id);
