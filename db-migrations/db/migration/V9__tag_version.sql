-- Tags are versioned like annotations and replies: an edit that names the version it read is refused
-- (409) when someone changed the tag meanwhile.
alter table tag add column version int not null default 1;
