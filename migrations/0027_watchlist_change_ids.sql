-- Key rotation re-encrypts registered columns row by row through a uuid `id` (platform/personal-data/
-- rotation.ts); the change feed's rows are keyed by (watchlist_id, seq), so they get one too.
alter table watchlist_changes add column id uuid not null default gen_random_uuid();
alter table watchlist_changes add constraint watchlist_changes_id_key unique (id);
