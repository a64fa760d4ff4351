-- Knowledge library: outcome documents split into items (good practices, challenges,
-- recommendations, conclusions), reviewed by the secretariat before publication.

create table knowledge_documents (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  process text not null check (process in ('rabat', 'budapest', 'khartoum', 'prague', 'other')),
  meeting_kind text,
  city text,
  country char(2),
  dates date[] not null default '{}',
  co_chairs text[] not null default '{}',
  language text not null check (language in ('en', 'fr', 'other')),
  file_name text not null,
  -- The same file ingested twice is the same document; a changed file is a new version.
  sha256 text not null unique,
  version integer not null default 1,
  previous_version_id uuid references knowledge_documents (id),
  body text not null,
  status text not null default 'draft' check (status in ('draft', 'published')),
  -- Shared-record columns read by the platform visibility rule (docs/ARCHITECTURE.md).
  handling_code text not null default 'TLP:GREEN'
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid references units (id),
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index knowledge_documents_identity_idx on knowledge_documents (process, lower(title));

create table knowledge_items (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references knowledge_documents (id),
  position integer not null,
  type text not null check (type in ('good_practice', 'challenge', 'recommendation', 'conclusion')),
  text text not null,
  line integer,
  page integer,
  countries text[] not null default '{}',
  organisations text[] not null default '{}',
  themes text[] not null default '{}',
  "references" jsonb not null default '[]',
  status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
  updated_at timestamptz not null default now(),
  unique (document_id, position)
);
create index knowledge_items_document_idx on knowledge_items (document_id, position);

-- Every edit by a reviewer: who, when, the item before and after.
create table knowledge_item_revisions (
  id bigint generated always as identity primary key,
  item_id uuid not null references knowledge_items (id),
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  action text not null,
  before jsonb,
  after jsonb
);
create index knowledge_item_revisions_item_idx on knowledge_item_revisions (item_id, at);

-- Search (issue 4, "Finding things"). Accents are folded by the unaccent dictionary inside the
-- text search configurations, so ts_headline marks the original, accented words. The vector keeps
-- English and French stems and the plain words ('simple') for other languages.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create text search configuration liaison_english (copy = pg_catalog.english);
alter text search configuration liaison_english
  alter mapping for hword, hword_part, word with public.unaccent, english_stem;
create text search configuration liaison_french (copy = pg_catalog.french);
alter text search configuration liaison_french
  alter mapping for hword, hword_part, word with public.unaccent, french_stem;
create text search configuration liaison_simple (copy = pg_catalog.simple);
alter text search configuration liaison_simple
  alter mapping for hword, hword_part, word with public.unaccent, simple;

-- unaccent() is only STABLE (it looks the dictionary up by name); naming the dictionary makes it
-- safe to use in an index expression.
create function liaison_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

alter table knowledge_items add column search_vector tsvector generated always as (
  to_tsvector('public.liaison_english'::regconfig, text)
  || to_tsvector('public.liaison_french'::regconfig, text)
  || to_tsvector('public.liaison_simple'::regconfig, text)) stored;
-- Only published items are ever searched, so the indexes hold only those.
create index knowledge_items_search_idx on knowledge_items using gin (search_vector) where status = 'published';
create index knowledge_items_trigram_idx on knowledge_items using gin (liaison_unaccent(text) gin_trgm_ops)
  where status = 'published';
create index knowledge_documents_published_idx on knowledge_documents (status) where status = 'published';

-- A search text as one tsquery: English, French and plain words ORed. Snowball keeps an English
-- agent noun apart from its verb ("smugglers" → smuggler, "smuggling" → smuggl), so a query
-- lexeme ending in -er also matches the stem without it.
create function liaison_tsquery(q text) returns tsquery
  language plpgsql immutable parallel safe strict
  as $$
declare
  english tsquery := websearch_to_tsquery('public.liaison_english'::regconfig, q);
  lexeme text;
begin
  foreach lexeme in array tsvector_to_array(to_tsvector('public.liaison_english'::regconfig, q)) loop
    if lexeme ~ '^[a-z]{4,}er$' then
      english := ts_rewrite(english, to_tsquery('simple', lexeme),
        to_tsquery('simple', lexeme) || to_tsquery('simple', left(lexeme, -2)));
    end if;
  end loop;
  return english
    || websearch_to_tsquery('public.liaison_french'::regconfig, q)
    || websearch_to_tsquery('public.liaison_simple'::regconfig, q);
end
$$;
