-- A paragraph imported from a PDF remembers the page it started on, so a seminar can cite pages.
alter table paragraph add column page int check (page > 0);
-- and the document says it came from a PDF
alter table document drop constraint document_source_kind_check;
alter table document add constraint document_source_kind_check check (source_kind in ('clean', 'print-extraction', 'pdf'));
