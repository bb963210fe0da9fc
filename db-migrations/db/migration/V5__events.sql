-- Every change to annotations, in order, for live updates across app instances (PostgreSQL
-- LISTEN/NOTIFY carries the event; this table lets a reconnecting client resume from Last-Event-ID).
create sequence annotation_event_seq start with 1 increment by 1;
create table annotation_event (
    id            bigint primary key default nextval('annotation_event_seq'),
    document_id   varchar(32)  not null references document (id) on delete cascade,
    group_id      varchar(64)  not null,
    type          varchar(40)  not null,
    annotation_id varchar(32)  not null,
    actor         varchar(255) not null,
    at            timestamptz  not null default now()
);
create index annotation_event_document_idx on annotation_event (document_id, id);
