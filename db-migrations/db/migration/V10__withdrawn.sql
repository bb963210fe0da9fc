-- An author who deletes an annotation that others replied to withdraws it: the passage and the
-- discussion stay, the annotation no longer counts in reports.
alter table annotation add column withdrawn boolean not null default false;
