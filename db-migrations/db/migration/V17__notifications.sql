-- Notifications: the inbox of each person, what is to be mailed, and each person's mail settings.

-- What is still to be turned into notifications. Rows arrive by trigger, in the transaction of the change
-- itself (a journalled annotation event, a document assigned to a group), so a change that committed is never
-- lost to notification and one that rolled back never notifies. The notification package takes rows out with
-- "for update skip locked" (any number of app instances) and deletes them in the transaction that writes the
-- notifications. A trigger rather than a CDI observer: new annotations are written by GroupCommit in one SQL
-- statement, without a CDI event.
create table notification_outbox (
    id          bigserial    primary key,
    source      varchar(20)  not null,               -- 'event' (annotation_event) or 'assigned' (document_group)
    event_id    bigint,
    document_id varchar(32)  not null,
    group_id    varchar(64)  not null,
    at          timestamptz  not null default now()
);

create function notification_outbox_event() returns trigger language plpgsql as $$
begin
    if new.type in ('annotation-created', 'annotation-updated', 'reply-created', 'reveal') then
        insert into notification_outbox (source, event_id, document_id, group_id) values ('event', new.id, new.document_id, new.group_id);
    end if;
    return new;
end $$;
create trigger annotation_event_notifies after insert on annotation_event for each row execute function notification_outbox_event();

create function notification_outbox_assigned() returns trigger language plpgsql as $$
begin
    insert into notification_outbox (source, document_id, group_id) values ('assigned', new.document_id, new.group_id);
    return new;
end $$;
create trigger document_group_notifies after insert on document_group for each row execute function notification_outbox_assigned();

-- One entry of a person's inbox. kind: reply, thread, mention, assigned, due, reveal.
-- mail: none (not to be mailed), pending (to be mailed now), digest (in the next digest), sent.
create table notification (
    id            varchar(32)  primary key,
    recipient     varchar(255) not null,
    email         varchar(320),
    kind          varchar(20)  not null,
    document_id   varchar(32)  not null references document (id) on delete cascade,
    group_id      varchar(64)  not null,
    annotation_id varchar(32)  references annotation (id) on delete cascade,
    reply_id      varchar(32)  references reply (id) on delete cascade,
    paragraph_id  varchar(32),
    actor         varchar(255),
    actor_name    varchar(255),
    excerpt       text,
    created_at    timestamptz  not null,
    read_at       timestamptz,
    mail          varchar(10)  not null default 'none',
    mailed_at     timestamptz
);
create index notification_inbox_idx on notification (recipient, created_at desc);
create index notification_mail_idx on notification (mail) where mail in ('pending', 'digest');
-- idempotent reminders, assignments and mentions: one per document and person, one per mentioned text and person
create unique index notification_due_once on notification (recipient, document_id) where kind = 'due';
-- a change of a document's groups rewrites its rows: a group that keeps the document is not told again
create unique index notification_assigned_once on notification (recipient, document_id) where kind = 'assigned';
create unique index notification_mention_once on notification (recipient, annotation_id, coalesce(reply_id, '')) where kind = 'mention';

-- Mail settings of a person: which kinds are not mailed, and whether mail comes at once or as a daily digest.
create table notification_settings (
    username varchar(255) primary key,
    digest   boolean      not null default false,
    muted    varchar(20)[] not null default '{}'
);

-- People mentioned in a comment or reply (subject: the annotation's or reply's id), with their name when written.
create table mention (
    subject_id  varchar(32)  not null,
    document_id varchar(32)  not null references document (id) on delete cascade,
    username    varchar(255) not null,
    name        varchar(255) not null,
    primary key (subject_id, username)
);
create index mention_document_idx on mention (document_id);
