-- A draft document can be discarded (a wrong import, a reading with no items) or replaced by
-- another file. Nothing is deleted: the row, its items and its history stay, marked discarded
-- with who, when and why; it leaves the review list and can never be published.
alter table knowledge_documents drop constraint knowledge_documents_status_check;
alter table knowledge_documents add constraint knowledge_documents_status_check
  check (status in ('draft', 'published', 'discarded'));
alter table knowledge_documents add column discarded_at timestamptz;
alter table knowledge_documents add column discarded_by uuid references users (id);
alter table knowledge_documents add column discard_reason text;
alter table knowledge_documents add constraint knowledge_documents_discarded_check
  check ((status = 'discarded') = (discarded_at is not null and discard_reason is not null));

-- The same file imported again after its document was discarded is a new document, not a
-- duplicate of the discarded one: a file is unique among the documents still in the library.
alter table knowledge_documents drop constraint knowledge_documents_sha256_key;
create unique index knowledge_documents_sha256_idx on knowledge_documents (sha256) where status <> 'discarded';
