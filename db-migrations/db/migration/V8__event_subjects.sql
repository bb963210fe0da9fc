-- Events carry what visibility needs to judge them (the annotation's author and moderation state,
-- the reply they concern), so that fan-out and replay apply the same rule as every other read.
-- Events about a whole group (blind, reveal, presence) have no annotation.
alter table annotation_event alter column annotation_id drop not null;
update annotation_event set annotation_id = null where annotation_id = '';
alter table annotation_event add column reply_id       varchar(32);
alter table annotation_event add column subject_author varchar(255);
alter table annotation_event add column subject_hidden boolean not null default false;
alter table annotation_event add column reply_gone     boolean not null default false;
update annotation_event e set subject_author = a.author, subject_hidden = a.hidden from annotation a where a.id = e.annotation_id;
create index annotation_event_annotation_idx on annotation_event (annotation_id, id);
