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
