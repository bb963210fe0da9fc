-- Annotating: the tag codebook, seminar groups as Keycloak knows them, annotations with their
-- tags and replies, and a history of every change.

create table tag (
    slug        varchar(64) primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(80)  not null,
    color       varchar(7)   not null check (color ~ '^#[0-9a-f]{6}$'),
    description varchar(400) not null,
    retired     boolean      not null default false,
    position    int          not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
insert into tag (slug, name, color, description, position) values
    ('neutrality', 'neutrality', '#2b6cb0',
     'The state keeps out of other states'' wars and alliances, by law, by declaration or in practice.', 1),
    ('non-alignment', 'non-alignment', '#b7791f',
     'The state belongs to no military bloc of the great powers, as in the Non-Aligned Movement.', 2),
    ('strategic-autonomy', 'strategic autonomy', '#2f855a',
     'The state decides its foreign and military policy for itself, even inside an alliance.', 3);

-- Seminar groups are Keycloak groups; annotations keep the group's Keycloak id so that a rename
-- keeps them. The name is the last one seen, for display.
create table seminar_group (
    id         varchar(64) primary key,
    name       varchar(255) not null,
    updated_at timestamptz  not null default now()
);
create index seminar_group_name_idx on seminar_group (name);

create table annotation (
    id           varchar(32) primary key,
    document_id  varchar(32)  not null references document (id) on delete cascade,
    paragraph_id varchar(32)  not null references paragraph (id) on delete cascade,
    start_offset int          not null check (start_offset >= 0),
    end_offset   int          not null,
    quote        text         not null,
    prefix       text         not null,
    suffix       text         not null,
    comment      text,
    author       varchar(255) not null,
    author_name  varchar(255) not null,
    group_id     varchar(64)  not null references seminar_group (id),
    hidden       boolean      not null default false,
    created      timestamptz  not null,
    updated      timestamptz  not null,
    version      int          not null default 1,
    check (end_offset > start_offset)
);
create index annotation_document_idx on annotation (document_id, group_id);
create index annotation_paragraph_idx on annotation (paragraph_id);

create table annotation_tag (
    annotation_id varchar(32) not null references annotation (id) on delete cascade,
    tag_slug      varchar(64) not null references tag (slug) on update cascade,
    primary key (annotation_id, tag_slug)
);
create index annotation_tag_slug_idx on annotation_tag (tag_slug);

create table reply (
    id            varchar(32) primary key,
    annotation_id varchar(32)  not null references annotation (id) on delete cascade,
    comment       text         not null,
    author        varchar(255) not null,
    author_name   varchar(255) not null,
    hidden        boolean      not null default false,
    created       timestamptz  not null,
    updated       timestamptz  not null,
    version       int          not null default 1
);
create index reply_annotation_idx on reply (annotation_id, created);

-- Kept when the annotation itself is deleted: no foreign key on purpose.
create sequence annotation_history_seq start with 1 increment by 50;
create table annotation_history (
    id            bigint primary key,
    annotation_id varchar(32)  not null,
    reply_id      varchar(32),
    document_id   varchar(32)  not null,
    action        varchar(40)  not null,
    actor         varchar(255) not null,
    at            timestamptz  not null,
    changes       jsonb        not null
);
create index annotation_history_annotation_idx on annotation_history (annotation_id, at);
