-- Watch-lists and name screening (issue 16). A watch-list is a shared record (the seven visibility
-- columns): its owner unit keeps it and names who may see it under a handling code. Its entries hold
-- personal data encrypted field by field (`*_enc`, `<key id>:v1:…`, as referral cases); the only
-- clear values are the entry's reference, status, review date and its screening keys — keyed hashes
-- (HMAC, truncated to 63 bits) of the blocking keys of its names, so candidates are found by index
-- without a readable name in the database. Every change (add, amend, remove, renew) is a numbered
-- version of the list (`watchlists.last_seq`, taken under the list's row lock so numbers commit in
-- order): the change feed reads them after `since`, and nothing is ever deleted.

create table watchlists (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  purpose text not null check (char_length(purpose) between 1 and 2000),
  legal_basis text not null check (char_length(legal_basis) between 1 and 2000),
  -- An entry's review date defaults to this many days after it is added or renewed.
  review_period_days integer not null check (review_period_days between 1 and 3650),
  -- Entries past their review date keep matching this many days, then leave screening until renewed.
  grace_days integer not null default 30 check (grace_days between 0 and 365),
  status text not null default 'active' check (status in ('active', 'archived')),
  handling_code text not null
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid not null references units (id),
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null default false,
  -- The number of the list's latest change (0: none yet).
  last_seq bigint not null default 0,
  revision integer not null default 1,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index watchlists_originator_unit_idx on watchlists (originator_unit_id);

-- An entry: a person (or an alias group) on a list.
create table watchlist_entries (
  id uuid primary key default gen_random_uuid(),
  watchlist_id uuid not null references watchlists (id),
  reference text not null unique check (reference ~ '^[A-Z0-9-]{6,40}$'),
  status text not null default 'active' check (status in ('active', 'removed')),
  version integer not null default 1,
  -- JSON array of {"name": …, "script": "latin"|"arabic"|"cyrillic"|"ethiopic"|"other"}, encrypted.
  names_enc text not null,
  -- "1984" or "1984-03-02", encrypted.
  birth_date_enc text,
  -- JSON array of ISO 3166 alpha-2 codes, encrypted.
  nationalities_enc text,
  sex_enc text,
  -- JSON array of {"kind": …, "number": …, "country": …}, encrypted.
  identifiers_enc text,
  reason_enc text not null,
  review_date date not null,
  -- Keyed hashes of the blocking keys of the names: the screening index (GIN).
  match_keys bigint[] not null default '{}',
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  removed_at timestamptz
);
create index watchlist_entries_list_idx on watchlist_entries (watchlist_id, status, review_date);
create index watchlist_entries_keys_idx on watchlist_entries using gin (match_keys) where status = 'active';

-- Every change of a list, numbered in the list: the entry as it stood after the change (encrypted;
-- null fields for a removal), so a subscriber that was away replays exactly what it missed.
create table watchlist_changes (
  watchlist_id uuid not null references watchlists (id),
  seq bigint not null,
  entry_id uuid not null references watchlist_entries (id),
  entry_version integer not null,
  op text not null check (op in ('add', 'amend', 'remove', 'renew')),
  names_enc text,
  birth_date_enc text,
  nationalities_enc text,
  sex_enc text,
  identifiers_enc text,
  reason_enc text,
  review_date date,
  -- Why an entry was removed or amended (encrypted: it may name the person).
  note_enc text,
  changed_by uuid not null references users (id),
  changed_at timestamptz not null default now(),
  primary key (watchlist_id, seq)
);
create index watchlist_changes_entry_idx on watchlist_changes (entry_id, entry_version);

-- A batch of names screened from a CSV file: its progress and its per-line errors (line number and
-- problem slug, never a value). The file itself is kept encrypted until the job has read it.
create table screening_batches (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  organisation_id uuid not null references organisations (id),
  created_by uuid not null references users (id),
  purpose text not null check (char_length(purpose) between 3 and 500),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  file_name text not null default '' check (char_length(file_name) <= 255),
  input_enc text,
  total_lines integer not null default 0,
  processed_lines integer not null default 0,
  screened integer not null default 0,
  hits integer not null default 0,
  -- [{ "line": n, "slug": "…", "field": "…" }]
  errors jsonb not null default '[]',
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index screening_batches_unit_idx on screening_batches (unit_id, created_at desc);

-- One screening of one name (alone or as a line of a batch): who, for which unit, why, and the
-- name screened (encrypted).
create table screenings (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  organisation_id uuid not null references organisations (id),
  screened_by uuid not null references users (id),
  purpose text not null check (char_length(purpose) between 3 and 500),
  query_enc text not null,
  batch_id uuid references screening_batches (id),
  batch_line integer,
  -- Caller's own reference for the line (a file number), if given; not personal.
  client_reference text check (char_length(client_reference) <= 100),
  candidates integer not null default 0,
  hits integer not null default 0,
  created_at timestamptz not null default now()
);
create index screenings_unit_idx on screenings (unit_id, created_at desc);
create index screenings_batch_idx on screenings (batch_id, batch_line);

-- A hit (a candidate at or above the threshold) is a review task for the screening unit: a person
-- confirms or discards it with a reason. A confirmed hit notifies the list's owner unit by a message
-- of the exchange under the list's handling code.
create table screening_hits (
  id uuid primary key default gen_random_uuid(),
  screening_id uuid not null references screenings (id),
  unit_id uuid not null references units (id),
  entry_id uuid not null references watchlist_entries (id),
  watchlist_id uuid not null references watchlists (id),
  entry_version integer not null,
  score real not null check (score between 0 and 1),
  -- The matcher's reasons (which name parts matched and how): encrypted, they quote name parts.
  reasons_enc text not null,
  status text not null default 'open' check (status in ('open', 'confirmed', 'discarded')),
  decision_reason_enc text,
  decided_by uuid references users (id),
  decided_at timestamptz,
  notice_message_id uuid references messages (id),
  created_at timestamptz not null default now(),
  unique (screening_id, entry_id)
);
create index screening_hits_queue_idx on screening_hits (unit_id, status, created_at desc);

-- Nothing of a list is ever deleted: removals are versions.
create trigger watchlists_refuse_delete before delete on watchlists
  for each row execute function refuse_delete();
create trigger watchlist_entries_refuse_delete before delete on watchlist_entries
  for each row execute function refuse_delete();
create trigger watchlist_changes_refuse_delete before delete on watchlist_changes
  for each row execute function refuse_delete();
