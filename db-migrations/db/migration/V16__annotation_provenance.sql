-- What a W3C Web Annotation client says of an annotation's provenance, kept as it sent it: its
-- canonical IRI, and the IRI it had given the annotation itself (kept as via).
alter table annotation add column canonical text;
alter table annotation add column via text;
