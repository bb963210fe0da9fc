-- Every action taken in the admin area: who, what, on what, when. Passwords are never recorded.
create sequence admin_action_seq start with 1 increment by 50;
create table admin_action (
    id      bigint primary key,
    actor   varchar(255) not null,
    action  varchar(60)  not null,
    target  varchar(255) not null,
    details jsonb        not null default '{}',
    at      timestamptz  not null
);
create index admin_action_at_idx on admin_action (at desc);
