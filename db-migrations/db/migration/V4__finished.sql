-- A reviewer marks a document finished for one of their seminar groups; agreement then counts
-- the finished reviewers as the coders.
create table document_finished (
    document_id varchar(32)  not null references document (id) on delete cascade,
    group_id    varchar(64)  not null references seminar_group (id),
    username    varchar(255) not null,
    finished_at timestamptz  not null,
    primary key (document_id, group_id, username)
);
