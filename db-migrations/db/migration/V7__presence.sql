-- Who is reading which document now, and where: refreshed by each open reading page every 30 s.
create table presence (
    document_id varchar(32)  not null references document (id) on delete cascade,
    username    varchar(255) not null,
    name        varchar(255) not null,
    group_ids   text         not null,
    section_id  varchar(32),
    seen_at     timestamptz  not null,
    primary key (document_id, username)
);
