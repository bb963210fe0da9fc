-- Finding one's reading: when each reader last opened each document (the home page counts what others
-- annotated since), and when and by whom a document was archived (the page its old bookmarks show).
create table document_visit (
    document_id varchar(32)  not null references document (id) on delete cascade,
    username    varchar(255) not null,
    visited_at  timestamptz  not null,
    primary key (document_id, username)
);
alter table document add column archived_at timestamptz;
alter table document add column archived_by varchar(255);
