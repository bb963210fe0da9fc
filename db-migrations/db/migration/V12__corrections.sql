-- Corrections that keep annotations: how each annotation sits in the corrected text, the revisions
-- of paragraphs (who, when, what changed), and when the document's text was last corrected.
alter table annotation add column anchor varchar(20) not null default 'exact'
    check (anchor in ('exact', 'fuzzy', 'needs-attention'));
-- an annotation that needs attention keeps its quote but no passage until it is placed again
alter table annotation drop constraint annotation_check;
alter table annotation add constraint annotation_passage check (end_offset > start_offset or anchor = 'needs-attention');
alter table document add column corrected_at timestamptz;

create table paragraph_revision (
    id           bigserial    primary key,
    document_id  varchar(32)  not null references document (id) on delete cascade,
    paragraph_id varchar(32)  not null,
    old_text     text         not null,
    new_text     text         not null,
    changed_by   varchar(255) not null,
    changed_at   timestamptz  not null default now()
);
create index paragraph_revision_document on paragraph_revision (document_id, changed_at);
