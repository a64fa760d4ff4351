-- Review and publication of the library (issue 4): optimistic concurrency, who published, and a
-- history of document-level changes beside the item revisions of 0002.

-- Every change to an item or a document increments its revision; an edit names the revision it
-- was made on, and a stale one is refused instead of overwriting someone else's change.
alter table knowledge_items add column revision integer not null default 1;
alter table knowledge_documents add column revision integer not null default 1;
alter table knowledge_documents add column published_by uuid references users (id);

-- A merge or a split touches several items: each revision names the others it involved.
alter table knowledge_item_revisions add column related_item_ids uuid[] not null default '{}';

-- Publication, handling code and distribution changes of a document: who, when, before and after.
create table knowledge_document_revisions (
  id bigint generated always as identity primary key,
  document_id uuid not null references knowledge_documents (id),
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  action text not null,
  before jsonb,
  after jsonb
);
create index knowledge_document_revisions_document_idx on knowledge_document_revisions (document_id, at);

-- The review list shows the newest documents first.
create index knowledge_documents_created_idx on knowledge_documents (created_at desc, id);
