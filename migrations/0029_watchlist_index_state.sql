-- Which screening keys the stored entries were computed with. Entries keep the keys the matcher made
-- when they were written; when the matcher's blocking rules (or the blind-index key) change, the
-- fingerprint of the new keys differs from the one recorded here and a background job computes every
-- entry's keys again (`watchlists.rekey`), so an entry stored under older rules is still found.
create table watchlist_index_state (
  only_row boolean primary key default true check (only_row),
  keys_fingerprint text not null,
  indexed_at timestamptz not null default now()
);
