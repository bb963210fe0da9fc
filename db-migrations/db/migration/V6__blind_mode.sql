-- Blind mode, set by an admin per document and seminar group: while on, reviewers see only their own
-- annotations, so that their judgements stay independent until the reveal.
create table blind_mode (
    document_id varchar(32)  not null references document (id) on delete cascade,
    group_id    varchar(64)  not null references seminar_group (id),
    changed_by  varchar(255) not null,
    changed_at  timestamptz  not null,
    primary key (document_id, group_id)
);
