-- Spelling suggestions of the library search (modules/knowledge/search/spelling.ts) keep the words
-- of knowledge_search_words in memory. Words are only ever added (by trigger, as items are written),
-- so the server reads the words added since its last read, found like the facet store finds changed
-- items: by the transaction that added them, against the snapshot's xmin, so a late commit is never
-- missed. Existing words carry this migration's transaction id, below any later watermark.
alter table knowledge_search_words add column added_xid xid8 not null default pg_current_xact_id();
create index knowledge_search_words_added_xid_idx on knowledge_search_words (added_xid);
